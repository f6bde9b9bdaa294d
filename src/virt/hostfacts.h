// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HostFacts: the libvirt calls behind migration pre-flight checks, shared by HostSession (which
// answers collectGuestFacts / collectDestinationFacts) and MigrationRunner (which opens its own
// connections with the same credential handling). Internal to the virt layer: the connection
// handle is only forward-declared, so including this header needs no libvirt header.
// Thread: any; every call blocks on libvirt and must run on the thread that owns the connection.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "core/inventory.h"
#include "core/preflight.h"
#include "core/result.h"

struct _virConnect;

namespace kumo {

class CredentialProvider;

class HostFacts
{
    Q_DECLARE_TR_FUNCTIONS(kumo::HostFacts)

public:
    HostFacts() = delete;

    // libvirt's keepalive on every connection Kumo opens: a ping every KeepAliveIntervalS seconds,
    // the connection closed after KeepAliveCount pings without an answer.
    static constexpr int KeepAliveIntervalS = 5;
    static constexpr unsigned int KeepAliveCount = 3;

    // virConnectOpenAuth with Kumo's credential callback (every request goes to `credentials`;
    // without a provider every request is refused, so nothing waits for an unanswerable prompt).
    // An insecure URI without the node's allow_insecure is refused before anything is opened
    // (ErrorCode::Insecure); a read_only node is opened with VIR_CONNECT_RO, so the daemon itself
    // refuses every change. Keepalive is on (KeepAliveIntervalS). Returns nullptr and sets `error`
    // when the connection fails.
    [[nodiscard]] static _virConnect* openConnection(const NodeConfig& node, CredentialProvider* credentials,
                                                     Error& error);
    // The same for a node known only by its URI: no allow_insecure, not read-only.
    [[nodiscard]] static _virConnect* openConnection(const QString& uri, const QString& node,
                                                     CredentialProvider* credentials, Error& error);

    // Everything the source knows about a guest, from its domain XML and state.
    [[nodiscard]] static GuestFacts guestFacts(_virConnect* conn, const QString& node, const QString& uuid);
    // The XML part of guestFacts(), without state (valid stays false when the XML is unreadable).
    [[nodiscard]] static GuestFacts parseDomainXml(const QByteArray& xml);

    // What the destination says about itself for `guest`. `conn` may be nullptr (unreachable).
    [[nodiscard]] static DestinationFacts destinationFacts(_virConnect* conn, const QString& node,
                                                           const GuestFacts& guest);
};

} // namespace kumo
