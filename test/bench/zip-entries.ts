// What each file of a zip costs in the zip: its local header, its compressed bytes (and data
// descriptor), and its central-directory entry. The costs and the end record add up to the
// zip's size exactly (checked), so the zip can be split into parts without estimating.
import { readFileSync } from 'node:fs';

export interface ZipEntryCost {
  name: string;
  /** Bytes this file takes in the zip, headers included. */
  bytes: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function zipEntryCosts(zip: Buffer): ZipEntryCost[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip: no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntryCost[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw new Error(`zip entry ${n}: bad central-directory signature`);
    const flags = zip.readUInt16LE(at + 8);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const central = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip entry ${n}: bad local-header signature`);
    const localHeader = 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    // Bit 3: sizes follow the data in a descriptor (16 bytes with its optional signature).
    const descriptor = flags & 8 ? (zip.readUInt32LE(local + localHeader + compressed) === 0x08074b50 ? 16 : 12) : 0;
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), bytes: localHeader + compressed + descriptor + central });
    at += central;
  }
  const endRecord = 22 + zip.readUInt16LE(end + 20);
  const total = entries.reduce((s, e) => s + e.bytes, 0) + endRecord;
  if (total !== zip.length) throw new Error(`zip entries add up to ${total} bytes, the file has ${zip.length}`);
  return entries;
}

export const zipEntryCostsOf = (file: string) => zipEntryCosts(readFileSync(file));
