// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/fakenodesession.h"

#include "core/threadhandoff.h"
#include "support/fakecloud.h"

namespace kumo {

FakeNodeSession::FakeNodeSession(FakeCloud* cloud, const NodeConfig& config)
    : m_cloud(cloud)
    , m_config(config)
{
    m_cloud->attach(this);
}

FakeNodeSession::~FakeNodeSession()
{
    m_cloud->detach(this);
}

void FakeNodeSession::start()
{
    m_started = true;
    publish();
}

void FakeNodeSession::stop()
{
    m_stopped = true;
    m_cloud->detach(this);
}

void FakeNodeSession::refreshNow()
{
    publish();
}

void FakeNodeSession::setPollInterval(int milliseconds)
{
    Q_UNUSED(milliseconds) // nothing happens by time
}

void FakeNodeSession::performAction(quint64 requestId, const QString& uuid, InstanceAction action)
{
    if (m_stopped)
        return;
    const Error error = m_cloud->perform(m_config.name, uuid, action);
    handoff::emitAcross(this, &NodeSession::actionFinished, requestId, uuid, action, error);
    publish();
}

void FakeNodeSession::collectGuestFacts(quint64 requestId, const QString& uuid)
{
    if (!m_stopped)
        handoff::emitAcross(this, &NodeSession::guestFactsReady, requestId,
                            m_cloud->guestFacts(m_config.name, uuid));
}

void FakeNodeSession::collectDestinationFacts(quint64 requestId, const GuestFacts& guest)
{
    if (!m_stopped)
        handoff::emitAcross(this, &NodeSession::destinationFactsReady, requestId,
                            m_cloud->destinationFacts(m_config.name, guest));
}

void FakeNodeSession::publish()
{
    if (!m_started || m_stopped)
        return;
    handoff::emitAcross(this, &NodeSession::nodeUpdated, m_cloud->nodeSnapshot(m_config.name));
    handoff::emitAcross(this, &NodeSession::instancesUpdated, m_config.name,
                        m_cloud->instanceSnapshots(m_config.name));
}

} // namespace kumo
