/**
 * Saving a file from the pane: a Blob behind an <a download> link. Whether the host lets it through cannot be
 * known for sure (Excel on the web downloads; some desktop WebViews drop the click silently), so the pane
 * always offers the sheet route beside it; a host that refuses outright (no Blob URLs, no download attribute,
 * an exception) is reported as `false`.
 */
export type DownloadFile = (bytes: Uint8Array, fileName: string, mimeType: string) => boolean;

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const downloadFile: DownloadFile = (bytes, fileName, mimeType) => {
  try {
    if (typeof URL.createObjectURL !== "function") return false;
    const link = document.createElement("a");
    if (!("download" in link)) return false;
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
    link.href = url;
    link.download = fileName;
    link.rel = "noopener";
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked later: the browser reads the URL after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch (error) {
    console.error(error);
    return false;
  }
};
