fn main() {
    std::process::exit(backendlings::run());
}
