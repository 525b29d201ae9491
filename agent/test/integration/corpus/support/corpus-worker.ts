// Worker thread: decodes the corpus file by file and reports each result, so the spec's
// watchdog can stop a file that hangs instead of hanging the suite.
import { parentPort, workerData } from 'node:worker_threads';
import { PcapFileReader } from '../../../../src/capture/pcap-file';
import { decodeFrame } from '../../../../src/decode/frame';
import { FrameInfo } from '../../../../src/decode/frame-info';
import { SLOT_UNDECODABLE } from '../../../../src/decode/transport-slot';
import { corpusPath } from './corpus-paths';
import { frameViolation } from './frame-invariants';

export interface FileResult {
  decoded: number;
  exception: string | null;
  linkType: number;
  name: string;
  readerError: string | null;
  records: number;
  undecodable: number;
  violation: string | null;
}

const info = new FrameInfo();
for (const name of workerData as string[]) {
  parentPort?.postMessage({ name, started: true });
  const result: FileResult = {
    decoded: 0,
    exception: null,
    linkType: -1,
    name,
    readerError: null,
    records: 0,
    undecodable: 0,
    violation: null,
  };
  try {
    const reader = PcapFileReader.open(corpusPath(name));
    for (const record of reader.records()) {
      result.records++;
      result.linkType = record.linkType;
      decodeFrame(record.linkType, record.data, record.caplen, info);
      if (info.slot === SLOT_UNDECODABLE) result.undecodable++;
      else result.decoded++;
      const violation = frameViolation(info, record.caplen);
      if (violation && !result.violation)
        result.violation = `record ${result.records}: ${violation}`;
    }
    result.readerError = reader.error;
  } catch (error) {
    result.exception = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  parentPort?.postMessage(result);
}
