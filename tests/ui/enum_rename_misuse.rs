use twelve_config::EnvValue;

#[derive(EnvValue)]
#[config(rename_all = "snake")]
enum UnknownRule {
    One,
}

#[derive(EnvValue)]
#[config(rename_all = "lowercase")]
enum SameAfterRenaming {
    DevLocal,
    Devlocal,
}

#[derive(EnvValue)]
#[config(rename_all = "PascalCase")]
enum SameIgnoringCase {
    Ab,
    AB,
}

#[derive(EnvValue)]
#[config(rename_all = "PascalCase", case_sensitive)]
enum DistinctWithCase {
    Ab,
    AB,
}

#[derive(EnvValue)]
#[config(case_sensitive = true, rename_al = "lowercase")]
enum BadKeys {
    One,
}

fn main() {}
