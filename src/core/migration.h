// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Live migration as values: the options a person chooses, one request, the progress a running
// job reports and its outcome. Produced and consumed by the queue (app), the runner (virt) and
// the jobs panel (ui); no libvirt types here.
// Thread: any (immutable values).
#pragma once

#include <QMetaType>
#include <QString>

#include "core/result.h"

namespace kumo {

// How the guest's memory stream travels between the two nodes.
enum class MigrationTransport
{
    Automatic, // options only: TLS where both nodes have it, else plain on a trusted path, else tunnelled
    Tls,       // QEMU's own TLS (VIR_MIGRATE_TLS): encrypted, the fastest encrypted path
    Tunnelled, // through the source daemon's connection to the destination (VIR_MIGRATE_TUNNELLED)
    Plain,     // unencrypted TCP: only where the inventory says the migration network is trusted
};

struct MigrationOptions
{
    bool live = true;               // false: offline (the guest is paused while it moves)
    bool persistDestination = true; // keep the definition on the destination
    bool undefineSource = true;     // remove the definition from the source
    quint64 bandwidthMiBs = 0;      // 0: unlimited
    bool autoConverge = false;      // throttle the guest's vCPUs when memory changes faster than it moves
    bool compression = false;       // compress memory pages on the wire
    bool allowPostCopy = false;     // permits "switch to post-copy" while running
    qint64 maxDowntimeMs = 0;       // 0: libvirt's default
    bool peerToPeer = true;         // the source daemon talks to the destination itself
    bool copyStorage = false;       // copy local disks too (VIR_MIGRATE_NON_SHARED_DISK)
    MigrationTransport transport = MigrationTransport::Automatic;

    bool operator==(const MigrationOptions&) const = default;
};

struct MigrationRequest
{
    // One id per move, given by MigrationController::migrate(): the queue's job, its progress,
    // its result, the jobs panel's row and the journal entry all carry it.
    quint64 id = 0;
    QString uuid;       // the instance
    QString name;       // its name, for messages
    QString sourceNode; // inventory node names
    QString destinationNode;
    QString sourceUri; // libvirt URIs of the two nodes
    QString destinationUri;
    // The nodes' allow_insecure: the runner opens its own connections and checks them too.
    bool sourceAllowInsecure = false;
    bool destinationAllowInsecure = false;
    QString migrationUri; // where migration data goes, e.g. "tcp://10.0.0.2" (may be empty)
    // The path the data takes, resolved by MigrationPath::choose (never Automatic here).
    MigrationTransport transport = MigrationTransport::Tunnelled;
    QString tlsDestination; // for Tls: the name QEMU checks in the destination's certificate
    MigrationOptions options;
    quint64 memoryKiB = 0; // what the instance brings to its destination (for the memory check)
    QString reason;        // why, as the person gave it (a ticket or a note), for the journal; may be empty
};

enum class MigrationPhase
{
    Queued,       // waiting for a free slot
    Starting,     // the migrate call was sent
    Transferring, // memory is being copied
    PostCopy,     // running on the destination, fetching the rest of memory on demand
    Completed,
    Failed,
    Cancelled, // aborted on request: the instance stays on its source
};

struct MigrationProgress
{
    quint64 id = 0;
    MigrationPhase phase = MigrationPhase::Queued;
    qint64 elapsedMs = 0;
    quint64 dataProcessed = 0; // bytes
    quint64 dataRemaining = 0; // bytes
    quint64 dataTotal = 0;     // bytes
    quint64 rateBytesPerSec = 0;
    quint64 dirtyPagesPerSec = 0;
    quint64 iteration = 0;      // memory pass
    qint64 etaMs = -1;          // -1: unknown
    bool wentBackwards = false; // remaining data grew since the last report (the guest wrote memory)

    // 0-100, from processed and remaining data; -1 when libvirt has not said yet.
    [[nodiscard]] int percent() const;
};

struct MigrationResult
{
    quint64 id = 0;
    MigrationPhase phase = MigrationPhase::Completed; // Completed, Failed or Cancelled
    Error error;                                      // why it failed, in words (code None when completed)
    qint64 totalTimeMs = 0;      // as libvirt reports it for the job (or measured when it does not)
    quint64 dataTransferred = 0; // bytes
    qint64 downtimeMs = -1;      // the pause at switch-over as libvirt reports it; -1 when unknown
    qint64 wallTimeMs = 0;       // from the start of the migrate call to its return, measured by Kumo
    // False when Kumo stopped waiting for a move that did not answer its abort: the move may
    // still end either way (phase is Failed; the error says so).
    bool outcomeKnown = true;
    // Failed because the connection to the source's daemon was lost during the call: where the
    // instance runs afterwards is not known from the job (the nodes tell once they answer).
    bool sourceLost = false;
};

[[nodiscard]] QString migrationPhaseText(MigrationPhase phase);

} // namespace kumo

Q_DECLARE_METATYPE(kumo::MigrationOptions)
Q_DECLARE_METATYPE(kumo::MigrationRequest)
Q_DECLARE_METATYPE(kumo::MigrationProgress)
Q_DECLARE_METATYPE(kumo::MigrationResult)
