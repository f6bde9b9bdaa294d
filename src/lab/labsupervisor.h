// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// LabSupervisor: the body of the hidden `kumo lab supervise <labdir> [--owner PID]` process
// that Lab::up() starts detached. It makes itself a child subreaper (QEMU, daemonised by
// libvirtd, re-parents to it and is reaped at once instead of ~2 s late by PID 1), starts one
// session-mode libvirtd per node (as the kumo-lab user when run by root), defines and starts
// the guests (one daemon also listens for TLS with SASL; Lab::up() made the certificates and
// credentials before), writes lab.json and the ready marker, and tears everything down on SIGTERM,
// SIGINT or when the owner process dies, signalling only its own descendants; it records them
// (pid and start time) in the lab's processes file for the clean-up of a lab whose supervisor died. On
// SIGUSR1 it starts again, as before, every node daemon that died (a fault test killed it) and writes their
// new pids to lab.json once they answer. Thread: the main thread of its own process.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include "core/result.h"
#include "lab/labprocesses.h"

class QSocketNotifier;
class QTimer;

namespace kumo {

class LabServices;

class LabSupervisor : public QObject
{
    Q_OBJECT

public:
    // access: the inventory reaches the password node over TLS and marks the read-only node.
    LabSupervisor(QString labDir, qint64 ownerPid, bool access = false, QObject* parent = nullptr);
    ~LabSupervisor() override;

    // Starts the lab and serves until it is torn down; returns the process exit code.
    int run();

private:
    struct Daemon
    {
        QString node;
        qint64 pid = 0;
        qint64 startTime = -1;
        int portMin = 0;
        int portMax = 0;
    };

    [[nodiscard]] Result<void> start();
    [[nodiscard]] Result<void> prepareNode(Daemon& daemon, int portBase, int index);
    [[nodiscard]] Result<void> startDaemon(Daemon& daemon);
    // Waits until the daemons of `nodes` (empty: every node) answer.
    [[nodiscard]] Result<void> waitForDaemons(const QStringList& nodes = {});
    [[nodiscard]] Result<void> startGuests();
    [[nodiscard]] Result<void> writeState();
    void progress(const QString& key);
    void onSignal();
    void checkOwner();
    void recordProcesses();
    void restartDeadDaemons();
    void teardown();
    void stopProcesses();

    QString m_labDir;
    qint64 m_ownerPid = 0;
    ProcessRecord m_owner;
    bool m_access = false;
    int m_tlsPort = 0;
    uint m_runUid = 0;
    uint m_runGid = 0;
    bool m_switchUser = false;
    QList<Daemon> m_daemons;
    QSocketNotifier* m_signalNotifier = nullptr;
    QTimer* m_ownerTimer = nullptr;
    QTimer* m_processTimer = nullptr;
    QByteArray m_recordedProcesses;    // what the processes file says
    LabServices* m_services = nullptr; // the guests' stand-in services
    bool m_tearingDown = false;
};

} // namespace kumo
