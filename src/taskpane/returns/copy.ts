/**
 * Copies text for pasting elsewhere (浙政钉, OA). The Clipboard API is refused in some Office webviews, so the
 * text's own box is selected and copied the old way; when both fail the text stays selected for Ctrl+C.
 */
export async function copyText(text: string, box: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not focused): the selection below.
  }
  if (!box) return false;
  box.focus();
  box.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
