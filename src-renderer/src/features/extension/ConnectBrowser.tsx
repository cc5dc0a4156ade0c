import { useEffect, useState } from 'react';
import type { PairingCode } from '@contract';
import { call } from '../../api/client';
import { useBusyTask } from '../../lib/busy-task';
import { Dialog } from '../../ui/Dialog';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const browsers = (n: number) => (n === 1 ? 'One browser is paired' : `${n} browsers are paired`);

/**
 * "Connect browser…": the pairing code for the Save to Parallax extension (ADR 006). The code works once
 * and for five minutes; while the dialog is open it asks every second and a half whether a browser has
 * paired, and says so. A paired browser can be forgotten here: its token stops working at once.
 */
export function ConnectBrowser() {
  const [open, setOpen] = useState(false);
  const [pairing, setPairing] = useState<PairingCode | null>(null);
  const [paired, setPaired] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const { busy, error, setError, run } = useBusyTask();

  const newCode = () =>
    run(async () => {
      const p = await call('extension.pairingCode', {});
      setPairing(p);
      setPaired(p.paired);
      setNow(Date.now());
    });

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      call('extension.status', {}).then(
        (s) => setPaired(s.paired),
        () => undefined,
      );
    }, 1500);
    return () => clearInterval(timer);
  }, [open]);

  const forget = async () => {
    try {
      setPaired((await call('extension.unpair', {})).paired);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const expired = pairing !== null && now >= Date.parse(pairing.expiresAt);
  const justPaired = pairing !== null && paired !== null && paired > pairing.paired;

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Connect browser…
      </button>
      <Dialog
        title="Connect browser"
        open={open}
        onOpen={() => {
          setPairing(null);
          void newCode();
        }}
        onSubmit={() => void newCode()}
        onClose={() => setOpen(false)}
        submitLabel={busy ? 'Making a code…' : 'New code'}
        submitDisabled={busy}
        error={error}
      >
        <p>
          Install the <strong>Save to Parallax</strong> extension (the <code>extension/</code> folder of Parallax), open its popup and type
          this code. The extension then saves the page you are reading, as you see it, with its address.
        </p>
        {pairing && (
          <>
            <p className="pairing__code" aria-label="Pairing code" data-testid="pairing-code">
              {expired ? '—' : pairing.code}
            </p>
            <p role="status">
              {justPaired
                ? 'Paired: the browser can now save pages to this notebook.'
                : expired
                  ? 'The code expired: make a new one.'
                  : `It works once, until ${time(pairing.expiresAt)}.`}
            </p>
            <p>
              {pairing.port === null
                ? 'The extension cannot connect now: its port is in use or turned off (PARALLAX_EXTENSION_PORT). Restart Parallax to try again.'
                : `Parallax listens for the extension on 127.0.0.1:${pairing.port}, on this computer only.`}
            </p>
          </>
        )}
        {paired !== null && paired > 0 && (
          <p>
            {browsers(paired)}.{' '}
            <button type="button" className="button" onClick={() => void forget()}>
              Forget paired browsers
            </button>
          </p>
        )}
      </Dialog>
    </>
  );
}
