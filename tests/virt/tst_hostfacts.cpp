// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HostFacts' parsing of a domain's XML into pre-flight facts: no daemon, no connection (moved
// from the lab test tst_migrationrunner; what a live session collects stays there).
#include <QTest>

#include "virt/hostfacts.h"
#include "virt/virterror.h"

using namespace kumo;

class TestHostFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDomainXml()
    {
        const QByteArray xml = R"(<domain type='kvm'>
  <name>mail</name>
  <uuid>AA0BEBC7-AA7C-4B08-994C-4002041171FE</uuid>
  <memory unit='MiB'>2048</memory>
  <vcpu placement='static' current='2'>4</vcpu>
  <os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>
  <cpu mode='custom' match='exact'><model fallback='forbid'>Haswell</model><feature policy='require' name='vmx'/></cpu>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/mail.qcow2'/><target dev='vda'/></disk>
    <disk type='block' device='disk'><source dev='/dev/vg/mail-data'/><target dev='vdb'/></disk>
    <disk type='network' device='disk'><source protocol='rbd' name='pool/mail-spool'/><target dev='vdc'/></disk>
    <disk type='file' device='cdrom'><target dev='sda'/></disk>
    <interface type='network'><source network='campus'/></interface>
    <interface type='network'><source network='campus'/></interface>
    <interface type='bridge'><source bridge='br-mgmt'/></interface>
  </devices>
</domain>)";
        const GuestFacts facts = HostFacts::parseDomainXml(xml);
        QVERIFY(facts.valid);
        QCOMPARE(facts.name, QStringLiteral("mail"));
        QCOMPARE(facts.uuid, QStringLiteral("aa0bebc7-aa7c-4b08-994c-4002041171fe"));
        QCOMPARE(facts.memoryKiB, quint64(2048 * 1024));
        QCOMPARE(facts.vcpus, 2);
        QCOMPARE(facts.arch, QStringLiteral("x86_64"));
        QCOMPARE(facts.machine, QStringLiteral("pc-q35-7.2"));
        QCOMPARE(facts.domainType, QStringLiteral("kvm"));
        QCOMPARE(facts.emulator, QStringLiteral("/usr/bin/qemu-system-x86_64"));
        QVERIFY(facts.cpuXml.startsWith(QStringLiteral("<cpu")));
        QVERIFY(facts.cpuXml.contains(QStringLiteral("Haswell")));
        QVERIFY(facts.cpuXml.contains(QStringLiteral("vmx")));
        QVERIFY(facts.cpuXml.endsWith(QStringLiteral("</cpu>")));
        QCOMPARE(facts.networks, QStringList{QStringLiteral("campus")});
        QCOMPARE(facts.bridges, QStringList{QStringLiteral("br-mgmt")});
        QCOMPARE(facts.localDisks, 2);
        QCOMPARE(facts.sharedDisks, 1);

        const GuestFacts broken = HostFacts::parseDomainXml("<domain><name>x</name>");
        QVERIFY(!broken.valid);
        QVERIFY(!broken.error.message.isEmpty());
    }

    // A real qemu+ssh attempt: libvirt runs ssh against a loopback port where nothing listens,
    // and the error says what to do instead of libvirt's bare "Cannot recv data".
    void sshFailureSaysWhatToDo()
    {
        Error error;
        _virConnect* conn =
            HostFacts::openConnection(QStringLiteral("qemu+ssh://nobody@127.0.0.1:1/system?no_tty=1"),
                                      QStringLiteral("n1"), nullptr, error);
        QVERIFY(!conn);
        QCOMPARE(error.code, ErrorCode::ConnectionFailed);
        QVERIFY2(error.detail.contains(QStringLiteral("ssh")), qPrintable(error.detail));
        QVERIFY2(error.message.contains(QStringLiteral("SSH server")), qPrintable(error.message));
    }

    void sshAdviceByCause_data()
    {
        QTest::addColumn<QString>("libvirtMessage");
        QTest::addColumn<QString>("advice");
        QTest::newRow("no key") << "Cannot recv data: root@n1: Permission denied (publickey,password).: "
                                   "Connection reset by peer"
                                << "ssh-agent";
        QTest::newRow("host key")
            << "Cannot recv data: Host key verification failed.: Connection reset by peer"
            << "known_hosts";
        QTest::newRow("askpass") << "Cannot recv data: ssh_askpass: exec(/usr/bin/ssh-askpass): No such file"
                                 << "cannot ask";
        QTest::newRow("not ssh") << "authentication failed: authentication failed"
                                 << "";
    }

    void sshAdviceByCause()
    {
        QFETCH(QString, libvirtMessage);
        QFETCH(QString, advice);
        const QString text = VirtError::sshAdvice(libvirtMessage);
        if (advice.isEmpty())
            QVERIFY(text.isEmpty());
        else
            QVERIFY2(text.contains(advice), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestHostFacts)
#include "tst_hostfacts.moc"
