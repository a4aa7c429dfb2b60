// Pure permission decisions for every session: deny by default. The one exception is writing
// sanitized text to the clipboard ("copy citation"), and only for the app's own top frame.
import { isRendererUrl } from './appUrl';

/** Permissions the app's own page may use. Everything not listed is refused. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface PermissionContext {
  /** The URL (or origin) of the frame asking. */
  requestingUrl: string | null | undefined;
  /** False for sub-frames; only the top frame may be granted anything. */
  isMainFrame: boolean;
}

/** True only for an allow-listed permission asked by the app's own top frame. */
export function isPermissionAllowed(permission: string, context: PermissionContext): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  if (!context.isMainFrame) return false;
  // Permission checks pass an origin ("app://renderer"), requests a full URL; both parse alike.
  return isRendererUrl(context.requestingUrl);
}
