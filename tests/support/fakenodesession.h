// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// FakeNodeSession: a NodeSession that publishes one node of a FakeCloud — the node always
// connected, its instances as the cloud holds them — and answers actions and pre-flight facts
// from the cloud. It publishes when it starts, when asked to refresh and when the cloud changes
// (the cloud asks it); it never polls by time.
// Thread: its own (the ClusterController moves it there); it reads the cloud under its lock.
// Owner: the ClusterController; the FakeCloud outlives it.
#pragma once

#include "core/inventory.h"
#include "core/nodesession.h"

namespace kumo {

class FakeCloud;

class FakeNodeSession : public NodeSession
{
    Q_OBJECT

public:
    FakeNodeSession(FakeCloud* cloud, const NodeConfig& config);
    ~FakeNodeSession() override;

    [[nodiscard]] QString nodeName() const override { return m_config.name; }

    void start() override;
    void stop() override;
    void refreshNow() override;
    void setPollInterval(int milliseconds) override;
    void performAction(quint64 requestId, const QString& uuid, kumo::InstanceAction action) override;
    void collectGuestFacts(quint64 requestId, const QString& uuid) override;
    void collectDestinationFacts(quint64 requestId, const kumo::GuestFacts& guest) override;

private:
    void publish();

    FakeCloud* m_cloud;
    NodeConfig m_config;
    bool m_started = false;
    bool m_stopped = false;
};

} // namespace kumo
