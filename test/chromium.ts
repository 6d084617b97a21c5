import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`; browser downloads by test tools fail here), headless,
 * without the background traffic, first-run pages and sandbox a container cannot give it.
 */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
}
