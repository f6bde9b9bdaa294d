// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Lab: the demo lab, real session-mode libvirtd daemons (one per node, two campuses) with tiny
// QEMU guests, started without root. up() launches a detached supervisor process
// (`kumo lab supervise`, see LabSupervisor) that owns and reaps the daemons and QEMU, and
// returns once every guest runs; down() asks that supervisor to tear everything down. Only
// processes the lab started are ever signalled (see LabProcesses).
// Labs live in /tmp/kumo-<uid>/<id>; several may run at once.
// Thread: any, but every call blocks (up() for seconds): never call it on the GUI thread.
#pragma once

#include <functional>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace kumo {

struct LabNode
{
    QString name;
    QString site;
    QString uri;
    QString migrationUri;
    qint64 daemonPid = 0;
    int migrationPortMin = 0;
    int migrationPortMax = 0;
};

struct LabGuest
{
    QString name;
    QString node; // where the lab started it (its home node)
};

struct LabInfo
{
    QString id;
    QString dir;
    QString inventoryPath;
    qint64 supervisorPid = 0;
    qint64 ownerPid = 0; // 0: the lab runs until down()
    QList<LabNode> nodes;
    QList<LabGuest> guests;
    // The password node's SASL user and its demo password, made up for this lab. Only up() knows
    // them (they are in no file of the lab but the sasldb and the daemons' auth.conf); empty
    // from readState() and list().
    QString demoUser;
    QString demoPassword;
};

class Lab
{
    Q_DECLARE_TR_FUNCTIONS(kumo::Lab)

public:
    Lab() = delete;

    struct UpOptions
    {
        QString kumoExecutable;                       // empty: QCoreApplication::applicationFilePath()
        qint64 ownerPid = 0;                          // if set, the lab tears itself down when it dies
        std::function<void(const QString&)> progress; // translated progress lines
        // The inventory reaches the password node over TLS with SASL and marks the read-only
        // node (LabPlan::passwordNode(), readOnlyNode()); otherwise every node is on its socket.
        bool access = false;
    };

    // Blocking; returns when every guest runs.
    [[nodiscard]] static Result<LabInfo> up(const UpOptions& options);
    // Empty id: every lab of this user.
    [[nodiscard]] static Result<void> down(const QString& id);
    // Live labs of this user (their supervisor runs and they are ready).
    [[nodiscard]] static QList<LabInfo> list();
    // Labs whose supervisor died: kills what is left of them and removes their directories.
    // Returns how many were cleaned.
    static int cleanStale();

    // Starts again, as they were started, the node daemons of the lab in `labDir` that died (a
    // fault test SIGKILLed one), through its supervisor, and waits (up to timeoutMs) until they
    // answer. Returns the lab's state with their new pids. Guests keep running meanwhile: QEMU
    // outlives its daemon, and a restarted daemon reconnects to its guests.
    [[nodiscard]] static Result<LabInfo> restartDaemons(const QString& labDir, int timeoutMs = 60000);

    // lab.json of a lab directory.
    [[nodiscard]] static Result<LabInfo> readState(const QString& labDir);

    // Whether some process has this pid (a zombie counts as dead). Says nothing about whose it
    // is: the lab signals processes through LabProcesses, by pid and start time.
    [[nodiscard]] static bool isProcessAlive(qint64 pid);
    // SIGKILLs the processes labDir's supervisor recorded as its own (its processes file and
    // itself), those only and only while their start time matches, and waits (up to timeoutMs)
    // until they are gone. Nothing else on the machine is looked at.
    static void killLeftovers(const QString& labDir, int timeoutMs = 5000);
    // Whether `dir` may be a lab's directory: a real directory (not a symlink) of this user
    // directly in the lab root (LabPlan::baseDir(), itself a real directory of this user), named
    // like a lab id. `kumo lab supervise` serves, and removes at the end, only such a directory.
    [[nodiscard]] static Result<void> checkLabDir(const QString& dir);
};

} // namespace kumo
