use twelve_config::Config;

#[derive(Config)]
#[config(prefx = "APP_")]
struct Settings {
    #[config(defualt = 8080)]
    port: u16,
    #[config(env = "HOST", sep = ",")]
    hosts: Vec<String>,
}

fn main() {}
