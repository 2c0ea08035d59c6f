import type { Rectangle } from 'electron';
import type { WindowState } from '../../shared/settings/schema';

/** The same limits as `WindowStateSchema`, so a captured state always passes validation. */
export const windowLimits = { minWidth: 400, minHeight: 300, max: 20000 } as const;

/** How much of the title bar must be on some screen for the user to grab and move the window. */
const titleBar = { height: 32, minVisibleWidth: 100, minVisibleHeight: 16 };

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(Math.round(value), min), Math.max(min, max));

function titleBarVisible(bounds: Rectangle, area: Rectangle): boolean {
  const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const height = Math.min(bounds.y + titleBar.height, area.y + area.height) - Math.max(bounds.y, area.y);
  return width >= titleBar.minVisibleWidth && height >= titleBar.minVisibleHeight;
}

/**
 * Where to open the window: the saved place if its title bar is still on a connected display
 * (a monitor may have been unplugged since), otherwise centred (Electron centres a window
 * given no x/y). The size never exceeds the work area it lands on.
 */
export function initialBounds(saved: WindowState, primaryWorkArea: Rectangle, workAreas: Rectangle[]): Partial<Rectangle> & { width: number; height: number } {
  const fit = (area: Rectangle) => ({
    width: clamp(saved.width, windowLimits.minWidth, area.width),
    height: clamp(saved.height, windowLimits.minHeight, area.height),
  });
  if (saved.x !== undefined && saved.y !== undefined) {
    const placed = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
    const home = workAreas.find((area) => titleBarVisible(placed, area));
    if (home) return { x: placed.x, y: placed.y, ...fit(home) };
  }
  return fit(primaryWorkArea);
}

/** The restorable state: normal (unmaximised) bounds plus the maximised flag. */
export function capturedState(normalBounds: Rectangle, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: clamp(normalBounds.width, windowLimits.minWidth, windowLimits.max),
    height: clamp(normalBounds.height, windowLimits.minHeight, windowLimits.max),
    maximized,
  };
}
