// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/migration/migrationuicontroller.h"

#include <QLocale>
#include <QTimer>
#include <QWidget>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "ui/migration/migratetodialog.h"
#include "ui/migration/migrationdialog.h"

namespace kumo {

MigrationUiController::MigrationUiController(MigrationController* migrations, QWidget* window,
                                             QObject* parent)
    : DropHandler(parent)
    , m_migrations(migrations)
    , m_window(window)
{
    connect(migrations, &MigrationController::checkFinished, this, &MigrationUiController::onCheckFinished);
    connect(migrations, &MigrationController::migrationQueued, this, &MigrationUiController::onQueued);
    connect(migrations, &MigrationController::migrationRefused, this, &MigrationUiController::onRefused);
    const auto ended = [this](const MigrationRequest& request, const MigrationResult&) {
        const QString text = m_movingTexts.take(request.id);
        if (!text.isEmpty())
            Q_EMIT statusMessageEnded(text);
    };
    connect(migrations->queue(), &MigrationQueue::jobFinished, this, ended);
}

MigrationUiController::~MigrationUiController() = default;

MigrationDialog* MigrationUiController::openDialog() const
{
    return m_dialog;
}

MigrateToDialog* MigrationUiController::openPicker() const
{
    return m_picker;
}

void MigrationUiController::beginDrag(const QStringList& uuids)
{
    if (uuids == m_dragged)
        return;
    m_dragged = uuids;
    // Cluster state changes between drags; answers from the last one may be stale.
    m_migrations->clearCheckCache();
    m_migrations->prefetchChecks(uuids);
}

void MigrationUiController::endDrag()
{
    m_dragged.clear();
}

DropVerdict MigrationUiController::verdict(const QStringList& uuids, const QString& node) const
{
    return dropVerdict(m_migrations, uuids, node);
}

void MigrationUiController::onCheckFinished()
{
    // A prefetch answers nodes x instances checks in a burst: repaint once per event-loop pass.
    if (m_dragged.isEmpty() || m_hintUpdatePending)
        return;
    m_hintUpdatePending = true;
    QTimer::singleShot(0, this, [this] {
        m_hintUpdatePending = false;
        if (!m_dragged.isEmpty())
            Q_EMIT verdictsChanged();
    });
}

QString MigrationUiController::instanceName(const QString& uuid) const
{
    const InstanceSnapshot* instance = m_migrations->cluster()->instance(uuid);
    return instance ? instance->name : uuid;
}

bool MigrationUiController::withinOneCampus(const QStringList& uuids, const QString& node) const
{
    const Inventory& inventory = m_migrations->cluster()->inventory();
    const NodeConfig* destination = inventory.node(node);
    if (!destination)
        return false;
    for (const QString& uuid : uuids) {
        const InstanceSnapshot* instance = m_migrations->cluster()->instance(uuid);
        const NodeConfig* source = instance ? inventory.node(instance->node) : nullptr;
        if (!source || source->site != destination->site)
            return false;
    }
    return true;
}

bool MigrationUiController::drop(const QStringList& uuids, const QString& node)
{
    if (uuids.isEmpty() || node.isEmpty())
        return false;
    const DropVerdict verdict = this->verdict(uuids, node);
    const QStringList names = [&] {
        QStringList list;
        for (const QString& uuid : uuids)
            list.append(instanceName(uuid));
        return list;
    }();
    const QString list = QLocale().createSeparatedList(names);
    if (verdict.severity == CheckSeverity::Refused) {
        Q_EMIT statusMessage(tr("Cannot move %1 to %2: %3")
                                 .arg(list, node, verdict.reasons.value(0, severityText(verdict.severity))));
        return false;
    }
    // Experienced staff may skip the dialog, but only for a move with nothing to warn about.
    if (MigrationDialog::skipSameCampusConfirmation() && withinOneCampus(uuids, node) &&
        verdict.severity == CheckSeverity::Ok) {
        const MigrationOptions options = m_migrations->defaultOptions();
        for (const QString& uuid : uuids)
            m_migrations->migrate(uuid, node, options);
        return true;
    }
    confirm(uuids, node);
    return true;
}

MigrationDialog* MigrationUiController::confirm(const QStringList& uuids, const QString& node)
{
    if (m_dialog)
        m_dialog->close();
    auto* dialog = new MigrationDialog(m_migrations, uuids, node, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

MigrateToDialog* MigrationUiController::migrateTo(const QStringList& uuids)
{
    if (uuids.isEmpty())
        return nullptr;
    if (m_picker)
        m_picker->close();
    auto* picker = new MigrateToDialog(m_migrations, uuids, m_window);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const QStringList instances = picker->instances();
        const QString node = picker->selectedNode();
        // After the picker has closed, so that the confirmation is the only modal window.
        QTimer::singleShot(0, this, [this, instances, node] { drop(instances, node); });
    });
    m_picker = picker;
    picker->open();
    return picker;
}

void MigrationUiController::onQueued(quint64, const MigrationRequest& request)
{
    const QString text =
        tr("Moving %1 from %2 to %3.").arg(request.name, request.sourceNode, request.destinationNode);
    // A job that ended within enqueue() (a backend that cannot start it) has nothing to announce.
    if (!m_migrations->queue()->hasJobFor(request.uuid))
        return;
    m_movingTexts.insert(request.id, text);
    Q_EMIT statusMessage(text);
}

void MigrationUiController::onRefused(quint64, const QString& uuid, const QString& node,
                                      const PreflightResult& result)
{
    Q_EMIT statusMessage(
        tr("Cannot move %1 to %2: %3")
            .arg(instanceName(uuid), node,
                 result.reasons(CheckSeverity::Refused).value(0, severityText(result.verdict()))));
}

} // namespace kumo
