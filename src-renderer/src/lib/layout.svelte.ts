// Whether the console panel is open and how tall it is, remembered between
// runs in localStorage (a convenience: failures to read or write are ignored).

const KEY = 'pchat-admin.console';
export const MIN_CONSOLE_HEIGHT = 120;

interface Saved {
  readonly open: boolean;
  readonly height: number;
}

/** First run: 260 px, but no more than a third of a small window (800×560 keeps a usable table). */
function defaultHeight(): number {
  return Math.max(MIN_CONSOLE_HEIGHT, Math.min(260, Math.round(window.innerHeight * 0.32)));
}

function load(): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Saved> | null;
    return {
      open: typeof saved?.open === 'boolean' ? saved.open : true,
      height: typeof saved?.height === 'number' && Number.isFinite(saved.height) ? saved.height : defaultHeight(),
    };
  } catch {
    return { open: true, height: defaultHeight() };
  }
}

export class Layout {
  consoleOpen = $state(true);
  /** The height the user chose (what is saved); shown no taller than the window allows. */
  consoleHeight = $state(260);
  private viewportHeight = $state(window.innerHeight);

  /** The tallest the console may be: leaves room for the toolbar (two lines in a narrow window) and five table rows. */
  readonly maxConsoleHeight = $derived(Math.max(MIN_CONSOLE_HEIGHT, this.viewportHeight - 320));
  /** The height the console has now: the chosen one, clamped to the window as it is. */
  readonly shownConsoleHeight = $derived(this.clamp(this.consoleHeight));

  constructor() {
    const saved = load();
    this.consoleOpen = saved.open;
    this.consoleHeight = saved.height;
  }

  /** Follows the window's height (the console re-clamps when it shrinks); returns the unsubscribe. */
  watchWindow(): () => void {
    const update = (): void => {
      this.viewportHeight = window.innerHeight;
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }

  setConsoleHeight(height: number): void {
    this.consoleHeight = this.clamp(height);
    this.save();
  }

  private clamp(height: number): number {
    return Math.round(Math.max(MIN_CONSOLE_HEIGHT, Math.min(this.maxConsoleHeight, height)));
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
