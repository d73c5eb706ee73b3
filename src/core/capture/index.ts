// Captures (pcap, pcapng, tcpdump text) as tcpseq files: the readers, the connection split, the conversion.
export * from './types.ts';
export { readPackets, chunksOf, type ReadResult } from './reader.ts';
export { listConnections, collectConnection, addressLabel, ConnectionTracker, type ConnectionSummary, type CollectedConnection, type Address } from './connections.ts';
export { convertConnection, flagWords, type ConvertOptions, type Converted, type NumberStyle, type CaptureSide, type InferredSide } from './convert.ts';
export { importCapture, describeProblem, describeConnection, connectionJson, clockTime, type ImportResult } from './import.ts';
export { convertTcpdumpText, tcpdumpSpan, TCPDUMP_SEGMENT } from './paste.ts';
