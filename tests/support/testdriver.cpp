// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testdriver.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>
#include <QXmlStreamWriter>

namespace kumo {

namespace {
// Fixed namespace so that UUIDs are the same in every run and on every machine.
const QUuid s_uuidNamespace(QStringLiteral("{5b0b7a0e-3d3c-4f52-9a57-6b756d6f7465}"));

struct SiteName
{
    QString id;
    QString name;
    QString nameJa;
    QString color;
};

SiteName siteName(int sites, int index)
{
    if (sites == 2) {
        if (index == 0)
            return {QStringLiteral("myodaiji"), QStringLiteral("Myodaiji"), QStringLiteral("明大寺地区"),
                    QStringLiteral("#2f6fb3")};
        return {QStringLiteral("yamate"), QStringLiteral("Yamate"), QStringLiteral("山手地区"),
                QStringLiteral("#c0622f")};
    }
    return {QStringLiteral("site%1").arg(index), QStringLiteral("Site %1").arg(index), QString(),
            QStringLiteral("#%1").arg((0x305070 + index * 0x151515) & 0xffffff, 6, 16, QLatin1Char('0'))};
}
} // namespace

TestDomain testDomain(const QString& node, int index)
{
    TestDomain domain;
    domain.name = QStringLiteral("%1-vm%2").arg(node).arg(index, 2, 10, QLatin1Char('0'));
    domain.uuid = QUuid::createUuidV5(s_uuidNamespace, domain.name).toString(QUuid::WithoutBraces);
    domain.vcpus = 1 + index % 4;
    // 512 MiB, 1 GiB, 2 GiB, 4 GiB in turn.
    domain.memoryKiB = quint64{512} * 1024 << (index % 4);
    return domain;
}

bool runCopyOn(TestCluster& cluster, qsizetype index, const TestDomain& domain)
{
    if (index < 0 || index >= cluster.nodes.size())
        return false;
    TestNode& node = cluster.nodes[index];
    node.domains = {domain};
    QSaveFile file(node.file);
    return file.open(QIODevice::WriteOnly) && file.write(testNodeXml(node)) >= 0 && file.commit();
}

QByteArray testNodeXml(const TestNode& node)
{
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartElement(QStringLiteral("node"));
    w.writeStartElement(QStringLiteral("cpu"));
    w.writeTextElement(QStringLiteral("mhz"), QString::number(node.mhz));
    w.writeTextElement(QStringLiteral("model"), node.cpuModel);
    // The test driver reports min(active, nodes * sockets * cores * threads) logical CPUs.
    w.writeTextElement(QStringLiteral("active"), QString::number(node.cpus));
    w.writeTextElement(QStringLiteral("nodes"), QStringLiteral("1"));
    w.writeTextElement(QStringLiteral("sockets"), QStringLiteral("1"));
    w.writeTextElement(QStringLiteral("cores"), QString::number(node.cpus));
    w.writeTextElement(QStringLiteral("threads"), QStringLiteral("1"));
    w.writeEndElement();
    w.writeTextElement(QStringLiteral("memory"), QString::number(node.memoryKiB));
    if (!node.authUser.isEmpty()) {
        w.writeStartElement(QStringLiteral("auth"));
        w.writeStartElement(QStringLiteral("user"));
        w.writeAttribute(QStringLiteral("password"), node.authPassword);
        w.writeCharacters(node.authUser);
        w.writeEndElement();
        w.writeEndElement();
    }
    for (const TestDomain& d : node.domains) {
        w.writeStartElement(QStringLiteral("domain"));
        // The test driver's own elements (libvirt's test namespace).
        const QString testNs = QStringLiteral("http://libvirt.org/schemas/domain/test/1.0");
        if (d.paused)
            w.writeNamespace(testNs, QStringLiteral("test"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("test"));
        w.writeTextElement(QStringLiteral("name"), d.name);
        w.writeTextElement(QStringLiteral("uuid"), d.uuid);
        w.writeStartElement(QStringLiteral("memory"));
        w.writeAttribute(QStringLiteral("unit"), QStringLiteral("KiB"));
        w.writeCharacters(QString::number(d.memoryKiB));
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("currentMemory"));
        w.writeAttribute(QStringLiteral("unit"), QStringLiteral("KiB"));
        w.writeCharacters(QString::number(d.memoryKiB));
        w.writeEndElement();
        w.writeTextElement(QStringLiteral("vcpu"), QString::number(d.vcpus));
        w.writeStartElement(QStringLiteral("os"));
        w.writeTextElement(QStringLiteral("type"), QStringLiteral("hvm"));
        w.writeEndElement();
        if (d.paused) // the state the driver starts it in: VIR_DOMAIN_PAUSED
            w.writeTextElement(testNs, QStringLiteral("runstate"), QStringLiteral("3"));
        w.writeEndElement();
    }
    w.writeEndElement();
    return xml;
}

TestCluster generateTestCluster(const QString& dir, int sites, int nodesPerSite, int instancesPerNode)
{
    TestCluster cluster;
    if (!QDir().mkpath(dir))
        return {};
    const QString absoluteDir = QFileInfo(dir).absoluteFilePath();
    for (int s = 0; s < sites; ++s) {
        const SiteName names = siteName(sites, s);
        Site site;
        site.id = names.id;
        site.name = names.name;
        site.nameJa = names.nameJa;
        site.color = names.color;
        site.position = QPointF(s * 600.0, 0.0);
        cluster.inventory.sites.append(site);

        for (int n = 0; n < nodesPerSite; ++n) {
            TestNode node;
            node.name = QStringLiteral("%1-%2").arg(site.id).arg(n + 1, 2, 10, QLatin1Char('0'));
            node.site = site.id;
            node.file = QDir(absoluteDir).filePath(node.name + QStringLiteral(".xml"));
            node.cpus = 8 << (n % 3); // 8, 16, 32
            node.mhz = 2000 + 100 * (n % 10);
            node.cpuModel = QStringLiteral("x86_64");
            node.memoryKiB = quint64{32} * 1024 * 1024 << (n % 3); // 32, 64, 128 GiB
            for (int i = 0; i < instancesPerNode; ++i)
                node.domains.append(testDomain(node.name, i));

            QSaveFile file(node.file);
            if (!file.open(QIODevice::WriteOnly) || file.write(testNodeXml(node)) < 0 || !file.commit())
                return {};

            NodeConfig config;
            config.name = node.name;
            config.site = node.site;
            config.uri = QStringLiteral("test://%1").arg(node.file);
            cluster.inventory.nodes.append(config);
            cluster.files.append(node.file);
            cluster.nodes.append(node);
        }
    }
    return cluster;
}

} // namespace kumo
