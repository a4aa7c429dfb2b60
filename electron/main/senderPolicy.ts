// Pure check of who is calling over IPC: only the app's own page, in its top frame.
import { isRendererUrl } from './appUrl';

export interface SenderFrameInfo {
  /** `event.senderFrame.url`; null when the frame is gone (navigated or destroyed). */
  url: string | null | undefined;
  /** True when the frame is its web contents' main frame (`frame.parent === null`). */
  isMainFrame: boolean;
}

/** True when an IPC message comes from the top frame of a page served from `app://renderer/`. */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return isRendererUrl(frame.url);
}
