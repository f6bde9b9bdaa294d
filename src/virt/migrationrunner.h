// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationRunner: one live migration, executed by libvirt; the libvirt backend's MigrationJob.
// The blocking virDomainMigrate* call runs on a job thread of its own; the runner's own thread polls
// virDomainGetJobStats about every 500 ms and carries out cancel (virDomainAbortJob) and live tuning
// (bandwidth, maximum downtime, switch to post-copy) while the call blocks. It opens its own
// connections, so node sessions keep polling undisturbed. When the call returns it reads the
// completed job's statistics (downtime).
// Thread: its own (the caller moves it to a QThread and calls start() queued); emits values.
// Owner: MigrationQueue (through its job factory), which deletes it after finished().
#pragma once

#include <memory>

#include "core/credentialprovider.h"
#include "core/migration.h"
#include "core/migrationjob.h"

namespace kumo {

class MigrationRunner : public MigrationJob
{
    Q_OBJECT

public:
    explicit MigrationRunner(MigrationRequest request, CredentialProvider* credentials = nullptr,
                             QObject* parent = nullptr);
    ~MigrationRunner() override;

    [[nodiscard]] const MigrationRequest& request() const { return m_request; }

public Q_SLOTS:
    void start() override;
    // Asks libvirt to abort; the instance stays on its source. finished() follows with Cancelled.
    void cancel() override;
    // Held back until memory moves (see Impl::dataFlowing), then applied.
    void setBandwidth(quint64 mebibytesPerSecond) override;
    void setMaxDowntime(qint64 milliseconds) override;
    void switchToPostCopy() override;

private:
    void poll();
    void sendAbort();
    void jobFinished();
    void readCompletedStats(MigrationResult& result);
    void applyBandwidth(quint64 mebibytesPerSecond);
    void applyMaxDowntime(qint64 milliseconds);
    [[nodiscard]] bool tuningTarget();
    void finish(MigrationResult result);
    void fail(const Error& error);

    struct Impl;
    MigrationRequest m_request;
    CredentialProvider* m_credentials;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kumo
