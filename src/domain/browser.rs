//! What Mend must tell the user about the browser it runs in.
//!
//! Safari (and every browser on iPhone and iPad, which all run on Safari's
//! engine) deletes a site's stored data, localStorage included, after seven
//! days without a visit, unless the site was added to the Home Screen. Mend
//! keeps everything in localStorage, so people there are told, and offered
//! the Home Screen and an export. Read on 2026-12-02 at
//! https://www.theregister.com/2020/03/26/apple_relax_were_not_totally/ and
//! https://docs.didomi.io/releases-and-announcements/announcements/apple-implements-7-day-cap-on-script-writable-storage
//! (both report WebKit's announcement of the seven-day cap).

/// Whether a browser with this user-agent string may clear Mend's data
/// after a week without a visit (when Mend is not on the Home Screen).
pub fn may_clear_after_a_week(user_agent: &str) -> bool {
    let has = |s: &str| user_agent.contains(s);
    let ios = has("iPhone") || has("iPad") || has("iPod");
    let other_engine = [
        "Chrome/",
        "Chromium/",
        "Edg/",
        "OPR/",
        "Firefox/",
        "Android",
    ]
    .iter()
    .any(|s| has(s));
    // Safari on a Mac (and iPadOS asking for desktop sites) says "Version/…
    // Safari/…" and names no other engine.
    let safari = has("Safari/") && has("Version/") && !other_engine;
    ios || safari
}

#[cfg(test)]
mod tests {
    use super::may_clear_after_a_week;

    #[test]
    fn safari_and_every_browser_on_iphone_may_clear_mend_after_a_week() {
        for ua in [
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        ] {
            assert!(may_clear_after_a_week(ua), "{ua}");
        }
    }

    #[test]
    fn chromium_firefox_and_android_browsers_do_not() {
        for ua in [
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
            "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0",
            "Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0 Mobile Safari/537.36",
        ] {
            assert!(!may_clear_after_a_week(ua), "{ua}");
        }
    }
}
