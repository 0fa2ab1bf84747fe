//! Entry point of the browser app: it only mounts; everything lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    mend::mount();
}
