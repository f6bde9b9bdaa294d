// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/labcli.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTextStream>

#include "cli/consolestreams.h"
#include "core/statetext.h"
#include "lab/lab.h"
#include "lab/labplan.h"
#include "lab/labsupervisor.h"
#include "virt/directconnection.h"

namespace kumo {

namespace {

int fail(const QString& text)
{
    writeLine(standardError(), text);
    return 1;
}

QString usage()
{
    return LabCli::tr("Usage: kumo lab COMMAND\n"
                      "\n"
                      "Runs a demo lab on this machine: two campuses (Myodaiji and Yamate) with two nodes\n"
                      "each, every node a real libvirtd of its own, and eight small QEMU guests.\n"
                      "\n"
                      "Commands:\n"
                      "  up          start a new lab; it keeps running until 'kumo lab down'\n"
                      "  up --access the same, but the inventory reaches yamate-02 over TLS with a\n"
                      "              password (shown at start) and marks yamate-01 read-only\n"
                      "  status      show every running lab, its nodes and its instances\n"
                      "  down [ID]   stop the lab ID, or every lab of this user\n"
                      "  --help      show this text\n");
}

// DirectConnection names states with libvirt's words; people read the shared state texts.
QString stateText(const QString& key)
{
    static const QHash<QString, InstanceState> states = {
        {QStringLiteral("running"), InstanceState::Running},
        {QStringLiteral("paused"), InstanceState::Paused},
        {QStringLiteral("shutoff"), InstanceState::ShutOff},
        {QStringLiteral("crashed"), InstanceState::Crashed},
        {QStringLiteral("blocked"), InstanceState::Blocked},
        {QStringLiteral("shutdown"), InstanceState::ShuttingDown},
        {QStringLiteral("pmsuspended"), InstanceState::PmSuspended},
    };
    return instanceStateText(states.value(key, InstanceState::NoState));
}

void printLab(const LabInfo& lab)
{
    writeLine(standardOutput(), LabCli::tr("Lab: %1").arg(lab.id));
    writeLine(standardOutput(), LabCli::tr("Inventory: %1").arg(lab.inventoryPath));
    for (const LabNode& node : lab.nodes)
        writeLine(standardOutput(), LabCli::tr("Node: %1 %2").arg(node.name, node.uri));
}

int up(const QStringList& args)
{
    const bool access = args == QStringList{QStringLiteral("--access")};
    if (!args.isEmpty() && !access)
        return fail(LabCli::tr("'kumo lab up' takes no arguments but --access."));
    QElapsedTimer timer;
    timer.start();
    Lab::UpOptions options;
    options.access = access;
    options.progress = [](const QString& line) { standardError() << line << Qt::endl; };
    const auto lab = Lab::up(options);
    if (!lab)
        return fail(LabCli::tr("Could not start the lab: %1").arg(lab.error().toString()));
    printLab(lab.value());
    // The one place the demo password is shown: it is in no file a person would read.
    standardOutput() << LabCli::tr("Password node: %1, user %2, password %3")
                            .arg(LabPlan::passwordNode(), lab->demoUser, lab->demoPassword)
                     << Qt::endl;
    standardError() << LabCli::tr("The lab started in %1 s. Stop it with: kumo lab down %2")
                           .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                           .arg(lab->id)
                    << Qt::endl;
    return 0;
}

int status(const QStringList& args)
{
    if (!args.isEmpty())
        return fail(LabCli::tr("'kumo lab status' takes no arguments."));
    const QList<LabInfo> labs = Lab::list();
    if (labs.isEmpty()) {
        standardOutput() << LabCli::tr("No lab is running.") << Qt::endl;
        return 0;
    }
    for (const LabInfo& lab : labs) {
        printLab(lab);
        for (const LabNode& node : lab.nodes) {
            // The lab's own view, through the unix socket: the password node's TLS URI needs a password.
            auto connection = DirectConnection::open(LabPlan::uri(lab.dir, node.name));
            if (!connection) {
                writeLine(
                    standardOutput(),
                    LabCli::tr("  %1: not reachable (%2)").arg(node.name, connection.error().toString()));
                continue;
            }
            const auto domains = connection.value().domains();
            if (!domains) {
                writeLine(standardOutput(),
                          LabCli::tr("  %1: %2").arg(node.name, domains.error().toString()));
                continue;
            }
            for (const DirectConnection::Domain& domain : domains.value())
                writeLine(standardOutput(), LabCli::tr("  Instance: %1 on %2, %3")
                                                .arg(domain.name, node.name, stateText(domain.state)));
        }
        standardOutput() << Qt::endl;
    }
    return 0;
}

int down(const QStringList& args)
{
    if (args.size() > 1)
        return fail(LabCli::tr("'kumo lab down' takes at most one lab id."));
    QElapsedTimer timer;
    timer.start();
    const QString id = args.value(0);
    const int running = id.isEmpty() ? int(Lab::list().size()) : 1;
    const auto stopped = Lab::down(id);
    if (!stopped)
        return fail(LabCli::tr("Could not stop the lab: %1").arg(stopped.error().toString()));
    standardError() << LabCli::tr("Stopped %n lab(s) in %1 s.", nullptr, running)
                           .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                    << Qt::endl;
    return 0;
}

int supervise(const QStringList& args)
{
    const QString dir = args.value(0);
    qint64 owner = 0;
    QStringList rest = args.mid(1);
    const bool access = rest.removeAll(QStringLiteral("--access")) > 0;
    if (rest.size() == 2 && rest.at(0) == u"--owner") {
        bool ok = false;
        owner = rest.at(1).toLongLong(&ok);
        if (!ok)
            return fail(LabCli::tr("Invalid owner process id: %1").arg(rest.at(1)));
    } else if (!rest.isEmpty() || args.isEmpty()) {
        return fail(LabCli::tr("Usage: kumo lab supervise LABDIR [--owner PID] [--access]"));
    }
    if (dir.isEmpty() || !dir.startsWith(u'/'))
        return fail(LabCli::tr("The lab directory must be an absolute path."));
    // The supervisor removes its directory at the end: only a lab's own directory will do.
    if (auto checked = Lab::checkLabDir(dir); !checked)
        return fail(LabCli::tr("Refusing to supervise %1: %2").arg(dir, checked.error().message));
    LabSupervisor supervisor(dir, owner, access);
    return supervisor.run();
}

} // namespace

int LabCli::run(const QStringList& args)
{
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    if (command == u"up")
        return up(rest);
    if (command == u"status")
        return status(rest);
    if (command == u"down")
        return down(rest);
    if (command == u"supervise")
        return supervise(rest);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        standardOutput() << usage();
        standardOutput().flush();
        return 0;
    }
    standardError() << (command.isEmpty() ? LabCli::tr("Missing command.")
                                          : LabCli::tr("Unknown command: %1").arg(command))
                    << Qt::endl
                    << usage();
    standardError().flush();
    return 2;
}

int runLabCommand(const QStringList& args)
{
    return LabCli::run(args);
}

} // namespace kumo
