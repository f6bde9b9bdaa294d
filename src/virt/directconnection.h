// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DirectConnection: a small blocking libvirt connection for the demo lab and for tests that
// need to look at or set up a real node without the asynchronous HostSession machinery.
// Every call blocks until libvirt answers. The product's GUI paths use HostSession instead.
// Thread: any, but one object is used by one thread at a time (libvirt keeps its last error
// per thread, and errors are read right after the failing call).
// Owner: whoever opened it; closing happens in the destructor.
#pragma once

#include <memory>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace kumo {

class DirectConnection
{
    Q_DECLARE_TR_FUNCTIONS(kumo::DirectConnection)

public:
    struct Domain
    {
        QString name;
        QString uuid;
        QString state; // libvirt's state as an untranslated key: "running", "paused", "shutoff", ...
        bool persistent = false;
    };

    [[nodiscard]] static Result<DirectConnection> open(const QString& uri);

    DirectConnection(DirectConnection&& other) noexcept;
    DirectConnection& operator=(DirectConnection&& other) noexcept;
    DirectConnection(const DirectConnection&) = delete;
    DirectConnection& operator=(const DirectConnection&) = delete;
    ~DirectConnection();

    [[nodiscard]] QString uri() const;
    [[nodiscard]] Result<QString> hostname() const;

    // Defines a persistent domain from XML and starts it.
    [[nodiscard]] Result<void> defineAndStart(const QString& domainXml);
    [[nodiscard]] Result<void> destroy(const QString& domainName);
    // Every domain the node knows, running or defined.
    [[nodiscard]] Result<QList<Domain>> domains() const;
    [[nodiscard]] Result<QStringList> runningDomainNames() const;
    // Guest-physical memory of a running domain (at most 64 KiB per call).
    [[nodiscard]] Result<QByteArray> readPhysicalMemory(const QString& domainName, quint64 address,
                                                        int size) const;
    [[nodiscard]] Result<quint32> readPhysicalWord(const QString& domainName, quint64 address) const;

private:
    struct Impl;
    explicit DirectConnection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kumo
