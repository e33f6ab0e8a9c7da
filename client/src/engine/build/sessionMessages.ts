/**
 * The gRPC services a BuildKit session offers the engine, declared from their public definitions:
 * fsutil's `Packet`/`Stat` (tonistiigi/fsutil types/wire.proto, stat.proto) for
 * `moby.filesync.v1.FileSync/DiffCopy` (buildkit session/filesync/filesync.proto), and
 * `grpc.health.v1.Health/Check`, which the engine calls to see the session is alive. protobufjs
 * encodes; grpc-js gets plain method definitions (no .proto files at run time).
 */
import type * as grpcTypes from '@grpc/grpc-js';
import type * as protobuf from 'protobufjs';
import { engineDriver } from '../transport/driverLoader';

const sessionProto = `
syntax = "proto3";
package berthwise.session;
message Stat {
  string path = 1;
  uint32 mode = 2;
  uint32 uid = 3;
  uint32 gid = 4;
  int64 size = 5;
  int64 modTime = 6;
  string linkname = 7;
  int64 devmajor = 8;
  int64 devminor = 9;
}
message Packet {
  enum PacketType { PACKET_STAT = 0; PACKET_REQ = 1; PACKET_DATA = 2; PACKET_FIN = 3; PACKET_ERR = 4; }
  PacketType type = 1;
  Stat stat = 2;
  uint32 ID = 3;
  bytes data = 4;
}
message HealthCheckRequest { string service = 1; }
message HealthCheckResponse { int32 status = 1; }
`;

export const packetType = { stat: 0, req: 1, data: 2, fin: 3, err: 4 } as const;

/** One fsutil Stat: Go's os.FileMode bits in `mode`, nanoseconds in `modTime`. */
export interface SyncStat {
  readonly path: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly modTime: number;
  readonly linkname: string;
}

export interface SyncPacket {
  readonly type: number;
  readonly stat?: SyncStat | null;
  readonly ID?: number;
  readonly data?: Uint8Array;
}

interface Types {
  readonly packet: protobuf.Type;
  readonly healthRequest: protobuf.Type;
  readonly healthResponse: protobuf.Type;
}

let types: Types | undefined;

function messageTypes(): Types {
  if (!types) {
    const root = engineDriver().protobuf.parse(sessionProto, { keepCase: true }).root;
    types = {
      packet: root.lookupType('berthwise.session.Packet'),
      healthRequest: root.lookupType('berthwise.session.HealthCheckRequest'),
      healthResponse: root.lookupType('berthwise.session.HealthCheckResponse'),
    };
  }
  return types;
}

function codec<T extends object>(type: protobuf.Type): { serialize: (value: T) => Buffer; deserialize: (bytes: Buffer) => T } {
  return {
    // encode() takes the plain object as is: every field already has its wire type (no fromObject pass).
    serialize: (value) => Buffer.from(type.encode(value).finish()),
    deserialize: (bytes) => type.toObject(type.decode(bytes), { longs: Number, defaults: true }) as T,
  };
}

/** The gRPC method paths the session offers; the engine only calls methods announced in the session's headers. */
export const fileSyncDiffCopyPath = '/moby.filesync.v1.FileSync/DiffCopy';
export const healthCheckPath = '/grpc.health.v1.Health/Check';

export function fileSyncService(): grpcTypes.ServiceDefinition {
  const packets = codec<SyncPacket>(messageTypes().packet);
  return {
    DiffCopy: {
      path: fileSyncDiffCopyPath,
      requestStream: true,
      responseStream: true,
      requestSerialize: packets.serialize,
      requestDeserialize: packets.deserialize,
      responseSerialize: packets.serialize,
      responseDeserialize: packets.deserialize,
    },
  };
}

export function healthService(): grpcTypes.ServiceDefinition {
  const request = codec<{ service: string }>(messageTypes().healthRequest);
  const response = codec<{ status: number }>(messageTypes().healthResponse);
  return {
    Check: {
      path: healthCheckPath,
      requestStream: false,
      responseStream: false,
      requestSerialize: request.serialize,
      requestDeserialize: request.deserialize,
      responseSerialize: response.serialize,
      responseDeserialize: response.deserialize,
    },
  };
}
