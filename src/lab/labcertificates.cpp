// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labcertificates.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include <sys/stat.h>

#include <QFile>
#include <QProcess>
#include <QStringList>

namespace kumo {

namespace {

const QString Certtool = QStringLiteral("/usr/bin/certtool");

Result<void> makePrivateDir(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    if (mkdir(name.constData(), 0700) != 0 && errno != EEXIST)
        return Error{ErrorCode::Io, path, LabCertificates::tr("Could not create the directory."),
                     qt_error_string(errno)};
    chmod(name.constData(), 0700);
    return {};
}

Result<void> writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        return Error{ErrorCode::Io, path, LabCertificates::tr("Could not write the file."),
                     file.errorString()};
    return {};
}

Result<void> certtool(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(Certtool, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(process.readAll()).trimmed().right(600);
        return Error{ErrorCode::OperationFailed, Certtool, LabCertificates::tr("certtool failed."),
                     output.isEmpty() ? process.errorString() : output};
    }
    return {};
}

// RSA: libvirt insists on "key encipherment" in a certificate's key usage, which an ECDSA key
// cannot have. 2048 bits: certtool's default 3072 takes ~0.4 s per key here, three times per lab.
Result<void> generateKey(const QString& path)
{
    if (auto made = certtool({QStringLiteral("--generate-privkey"), QStringLiteral("--key-type=rsa"),
                              QStringLiteral("--bits=2048"), QStringLiteral("--outfile"), path});
        !made)
        return made;
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

Result<void> copyFile(const QString& from, const QString& to, bool secret)
{
    QFile::remove(to);
    if (!QFile::copy(from, to))
        return Error{ErrorCode::Io, to, LabCertificates::tr("Could not write the file."), {}};
    QFile::setPermissions(to, secret ? QFile::ReadOwner | QFile::WriteOwner
                                     : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                           QFile::ReadOther);
    return {};
}

struct Copy
{
    QString from;
    QString to;
    bool secret;
};

Result<void> install(const QString& dir, const QList<Copy>& copies)
{
    if (auto made = makePrivateDir(dir); !made)
        return made;
    for (const Copy& copy : copies) {
        if (auto copied = copyFile(copy.from, dir + u'/' + copy.to, copy.secret); !copied)
            return copied;
    }
    return {};
}

} // namespace

LabCertificates::LabCertificates(QString dir)
    : m_dir(std::move(dir))
{}

Result<LabCertificates> LabCertificates::create(const QString& dir)
{
    if (auto made = makePrivateDir(dir); !made)
        return made.error();
    LabCertificates certificates(dir);
    const QString caKey = dir + QStringLiteral("/ca-key.pem");
    const QString caTemplate = dir + QStringLiteral("/ca.info");
    const QString serverTemplate = dir + QStringLiteral("/server.info");
    const QString clientTemplate = dir + QStringLiteral("/client.info");
    // The server certificate names every way the lab reaches a daemon: 127.0.0.1 in URIs,
    // localhost as the name QEMU checks (migration_tls_name) since it would otherwise check the
    // machine's hostname. It is a client certificate too: a daemon migrating peer-to-peer and a
    // QEMU sending migration data present it.
    const QList<std::pair<QString, QByteArray>> templates{
        {caTemplate, "cn = Kumo demo lab CA\nca\ncert_signing_key\nexpiration_days = 30\n"},
        {serverTemplate, "organization = Kumo demo lab\ncn = 127.0.0.1\ndns_name = localhost\n"
                         "ip_address = 127.0.0.1\ntls_www_server\ntls_www_client\nencryption_key\n"
                         "signing_key\nexpiration_days = 30\n"},
        {clientTemplate, "organization = Kumo demo lab\ncn = kumo-lab-client\ntls_www_client\n"
                         "encryption_key\nsigning_key\nexpiration_days = 30\n"},
    };
    for (const auto& [path, text] : templates) {
        if (auto written = writeText(path, text); !written)
            return written.error();
    }
    for (const QString& key : {caKey, certificates.serverKey(), certificates.clientKey()}) {
        if (auto made = generateKey(key); !made)
            return made.error();
    }
    if (auto made = certtool({QStringLiteral("--generate-self-signed"), QStringLiteral("--load-privkey"),
                              caKey, QStringLiteral("--template"), caTemplate, QStringLiteral("--outfile"),
                              certificates.caCertificate()});
        !made)
        return made.error();
    const QList<std::pair<QString, std::pair<QString, QString>>> signs{
        {serverTemplate, {certificates.serverKey(), certificates.serverCertificate()}},
        {clientTemplate, {certificates.clientKey(), certificates.clientCertificate()}},
    };
    for (const auto& [templ, files] : signs) {
        if (auto made =
                certtool({QStringLiteral("--generate-certificate"), QStringLiteral("--load-privkey"),
                          files.first, QStringLiteral("--load-ca-certificate"), certificates.caCertificate(),
                          QStringLiteral("--load-ca-privkey"), caKey, QStringLiteral("--template"), templ,
                          QStringLiteral("--outfile"), files.second});
            !made)
            return made.error();
    }
    // Nothing else is ever signed for this lab.
    QFile::remove(caKey);
    for (const QString& path : {caTemplate, serverTemplate, clientTemplate})
        QFile::remove(path);
    return certificates;
}

Result<void> LabCertificates::installLibvirt(const QString& dir) const
{
    return install(dir, {{caCertificate(), QStringLiteral("cacert.pem"), false},
                         {serverCertificate(), QStringLiteral("servercert.pem"), false},
                         {serverKey(), QStringLiteral("serverkey.pem"), true},
                         {serverCertificate(), QStringLiteral("clientcert.pem"), false},
                         {serverKey(), QStringLiteral("clientkey.pem"), true}});
}

Result<void> LabCertificates::installQemu(const QString& dir) const
{
    return install(dir, {{caCertificate(), QStringLiteral("ca-cert.pem"), false},
                         {serverCertificate(), QStringLiteral("server-cert.pem"), false},
                         {serverKey(), QStringLiteral("server-key.pem"), true},
                         {serverCertificate(), QStringLiteral("client-cert.pem"), false},
                         {serverKey(), QStringLiteral("client-key.pem"), true}});
}

Result<void> LabCertificates::installClient(const QString& dir) const
{
    return install(dir, {{caCertificate(), QStringLiteral("cacert.pem"), false},
                         {clientCertificate(), QStringLiteral("clientcert.pem"), false},
                         {clientKey(), QStringLiteral("clientkey.pem"), true}});
}

} // namespace kumo
