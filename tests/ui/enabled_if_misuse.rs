use twelve_config::{Config, EnvValue, SecretString};

#[derive(EnvValue, PartialEq)]
enum Storage {
    File,
    S3,
}

#[derive(Config)]
struct S3 {
    bucket: String,
}

fn file() -> Storage {
    Storage::File
}

#[derive(Config)]
struct Settings {
    #[config(default = "file")]
    storage: Storage,
    #[config(default_with = file())]
    computed: Storage,
    #[config(default = false)]
    enabled: bool,
    key: Option<SecretString>,
    // A group that is always there is never chosen.
    #[config(nested, enabled_if(storage = "s3"))]
    always: S3,
    // A value field is no group.
    #[config(enabled_if(storage = "s3"))]
    port: u16,
    // Chosen by a value and by its own variables at once.
    #[config(nested, enabled_by(bucket), enabled_if(storage = "s3"))]
    both: Option<S3>,
    // Declared after the group it chooses.
    #[config(nested, enabled_if(later = "s3"))]
    early: Option<S3>,
    // A computed default is worked out after every field loads.
    #[config(nested, enabled_if(computed = "s3"))]
    by_computed: Option<S3>,
    // Not a field of this struct; a nested struct; a secret; a bool's text.
    #[config(nested, enabled_if(storag = "s3", always = "x", key = "k", enabled = "yes please"))]
    wrong: Option<S3>,
    #[config(default = "file")]
    later: Storage,
}

fn main() {}
