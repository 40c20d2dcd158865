// Whether the console panel is open and how tall it is, remembered between
// runs in localStorage (a convenience: failures to read or write are ignored).

const KEY = 'pchat-admin.console';
export const MIN_CONSOLE_HEIGHT = 120;

interface Saved {
  readonly open: boolean;
  readonly height: number;
}

function load(): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Saved> | null;
    return {
      open: typeof saved?.open === 'boolean' ? saved.open : true,
      height: typeof saved?.height === 'number' && Number.isFinite(saved.height) ? saved.height : 260,
    };
  } catch {
    return { open: true, height: 260 };
  }
}

export class Layout {
  consoleOpen = $state(true);
  consoleHeight = $state(260);

  constructor() {
    const saved = load();
    this.consoleOpen = saved.open;
    this.consoleHeight = saved.height;
  }

  /** The tallest the console may be: leaves room for the toolbar and a few table rows. */
  maxConsoleHeight(): number {
    return Math.max(MIN_CONSOLE_HEIGHT, window.innerHeight - 220);
  }

  setConsoleHeight(height: number): void {
    this.consoleHeight = Math.round(Math.max(MIN_CONSOLE_HEIGHT, Math.min(this.maxConsoleHeight(), height)));
    this.save();
  }

  toggleConsole(): void {
    this.consoleOpen = !this.consoleOpen;
    this.save();
  }

  private save(): void {
    try {
      localStorage.setItem(KEY, JSON.stringify({ open: this.consoleOpen, height: this.consoleHeight }));
    } catch {
      // Not worth an error: the panel simply opens at its default next time.
    }
  }
}
