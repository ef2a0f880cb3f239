//! The diff on real schemas: the `--print-schema=json` output of the ported
//! lldap and MicroBin examples, against copies with one change each. The
//! examples are built and run with the workspace's cargo, so the fixtures
//! follow the code.
//!
//! One test binary, in modules, keeps linking cheap.

mod changes;
mod groups;
mod readme;
mod support;
