// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// LabCertificates: the demo lab's own little PKI, made with certtool (gnutls-bin) when a lab
// starts: a CA, one server certificate for 127.0.0.1 / localhost (also usable as a client
// certificate, as libvirt and QEMU want for peer-to-peer and migration TLS) and one client
// certificate for Kumo. The CA key is deleted once both are signed: nothing else is ever signed
// by it. install*() copy them under the names libvirtd, QEMU and a libvirt client look for,
// keys 0600 in 0700 directories. Everything stays inside the lab directory.
// Thread: any (blocking: runs certtool).
// Owner: a value; the files belong to the lab directory and go with it.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/result.h"

namespace kumo {

class LabCertificates
{
    Q_DECLARE_TR_FUNCTIONS(kumo::LabCertificates)

public:
    // Makes the CA and both certificates in `dir` (created 0700).
    [[nodiscard]] static Result<LabCertificates> create(const QString& dir);

    // libvirtd's session-mode folder ($HOME/.pki/libvirt): cacert.pem, servercert.pem,
    // serverkey.pem, clientcert.pem, clientkey.pem (the latter two for peer-to-peer migration).
    [[nodiscard]] Result<void> installLibvirt(const QString& dir) const;
    // QEMU's migrate_tls_x509_cert_dir: ca-cert.pem, server-cert.pem, server-key.pem,
    // client-cert.pem, client-key.pem.
    [[nodiscard]] Result<void> installQemu(const QString& dir) const;
    // A libvirt client's pkipath (Kumo): cacert.pem, clientcert.pem, clientkey.pem.
    [[nodiscard]] Result<void> installClient(const QString& dir) const;

    [[nodiscard]] QString caCertificate() const { return m_dir + QStringLiteral("/ca-cert.pem"); }
    [[nodiscard]] QString serverCertificate() const { return m_dir + QStringLiteral("/server-cert.pem"); }
    [[nodiscard]] QString serverKey() const { return m_dir + QStringLiteral("/server-key.pem"); }
    [[nodiscard]] QString clientCertificate() const { return m_dir + QStringLiteral("/client-cert.pem"); }
    [[nodiscard]] QString clientKey() const { return m_dir + QStringLiteral("/client-key.pem"); }

private:
    explicit LabCertificates(QString dir);

    QString m_dir;
};

} // namespace kumo
