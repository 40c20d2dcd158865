// A file the user chose, as the import channels take it: its name and its
// bytes in base64 (the engine detects the encoding itself).

export interface UploadedFile {
  readonly name: string;
  readonly content: string;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a whole large file into one call would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploaded(file: File): Promise<UploadedFile> {
  return { name: file.name, content: base64(new Uint8Array(await file.arrayBuffer())) };
}
