// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/splitbraindialog.h"

#include <algorithm>
#include <utility>

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "core/sentences.h"
#include "core/statetext.h"
#include "ui/modelformat.h"
#include "ui/plaintext.h"

namespace kumo {

SplitBrainDialog::SplitBrainDialog(MigrationController* migrations, const QString& uuid, QWidget* parent)
    : QDialog(parent)
    , m_migrations(migrations)
    , m_cluster(migrations->cluster())
    , m_uuid(uuid)
{
    setObjectName(QStringLiteral("splitBrainDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    const InstanceSnapshot* instance = m_cluster->instance(uuid);
    m_name = instance ? instance->name : uuid;
    setWindowTitle(tr("Split brain: %1").arg(m_name));

    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("splitSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    m_lastMigration = new QLabel(this);
    m_lastMigration->setObjectName(QStringLiteral("lastMigration"));
    m_lastMigration->setWordWrap(true);
    m_lastMigration->setTextFormat(Qt::PlainText);
    layout->addWidget(m_lastMigration);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("copiesTable"));
    m_table->setHorizontalHeaderLabels({tr("Node"), tr("State"), tr("CPU time used"), tr("Memory dirtied")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto* advice = new QLabel(
        tr("Keep the copy whose work must survive (usually the one the last migration meant, or the "
           "one that ran longer and dirtied more memory), and stop the other. The stopped copy's guest "
           "loses what it did not write to disk."),
        this);
    advice->setWordWrap(true);
    layout->addWidget(advice);

    m_buttonsLayout = new QVBoxLayout;
    layout->addLayout(m_buttonsLayout);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("splitStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);

    connect(m_cluster, &ClusterController::instanceChanged, this, [this](const QString& changed) {
        if (changed == m_uuid)
            refill();
    });
    connect(m_cluster, &ClusterController::instanceMoved, this,
            [this](const QString& changed, const QString&, const QString&) {
                if (changed == m_uuid)
                    refill();
            });
    connect(m_cluster, &ClusterController::instanceRemoved, this,
            [this](const QString& changed, const QString&) {
                if (changed == m_uuid)
                    refill();
            });
    connect(m_cluster, &ClusterController::nodeChanged, this, &SplitBrainDialog::askAgain);
    connect(m_cluster, &ClusterController::copyFactsReady, this,
            [this](quint64 id, const InstanceCopyFacts& facts) {
                if (m_factRequests.remove(id))
                    showFacts(facts);
            });
    connect(m_cluster, &ClusterController::actionFinished, this,
            [this](quint64 id, const QString&, InstanceAction, const Error& error) {
                if (id != m_stopRequest)
                    return;
                m_stopRequest = 0;
                const QString node = std::exchange(m_stoppingNode, QString());
                if (error.code == ErrorCode::None && m_removingDefinition) {
                    // The removal follows; the buttons wait for it.
                    m_removeRequest = id;
                    setStatus(tr("The copy on %1 was stopped; removing its definition there…").arg(node));
                } else if (error.code == ErrorCode::None) {
                    setStatus(tr("The copy on %1 was stopped.").arg(node));
                } else {
                    setStatus(tr("The copy on %1 could not be stopped: %2").arg(node, error.message));
                }
                m_removingDefinition = false;
                refill();
                Q_EMIT copyStopped(node, error);
            });
    connect(m_migrations, &MigrationController::copyDefinitionRemoved, this,
            [this](quint64 stopRequest, const QString& node, const Error& error) {
                if (stopRequest != m_removeRequest || m_removeRequest == 0)
                    return;
                m_removeRequest = 0;
                if (error.code == ErrorCode::None)
                    setStatus(tr("The copy on %1 was stopped and its definition removed there; its disks "
                                 "were kept.")
                                  .arg(node));
                else
                    setStatus(tr("The copy on %1 was stopped, but its definition there could not be "
                                 "removed: %2")
                                  .arg(node, error.message));
                refill();
                Q_EMIT definitionRemoved(node, error);
            });

    fillLastMigration();
    refill();
    requestFacts();
    resize(720, 420);
}

QString SplitBrainDialog::lastMigrationText() const
{
    return m_lastMigration->text();
}

QString SplitBrainDialog::statusText() const
{
    return m_status->text();
}

void SplitBrainDialog::setStatus(const QString& text)
{
    m_statusBase = text;
    updateStatus();
}

void SplitBrainDialog::updateStatus()
{
    // After a stop, say so once the console sees the instance run in one place.
    const InstanceSnapshot* shown = m_cluster->instance(m_uuid);
    QString text = m_statusBase;
    if (!text.isEmpty() && m_stopRequest == 0 && shown && !shown->isSplit())
        text = Sentences::join({text, tr("%1 is a normal instance again.").arg(m_name)});
    m_status->setText(text);
}

void SplitBrainDialog::fillLastMigration()
{
    const QJsonObject last = m_migrations->lastMigrationOf(m_uuid);
    if (last.isEmpty()) {
        m_lastMigration->setText(tr("The journal records no migration of this instance."));
        return;
    }
    const QString from = last.value(QStringLiteral("from")).toString();
    m_meantNode = last.value(QStringLiteral("to")).toString();
    const QString result = last.value(QStringLiteral("result")).toString();
    if (result == QLatin1String("running")) {
        m_lastMigration->setText(tr("A migration from %1 to %2 has not ended yet: it means the copy on %2.")
                                     .arg(from, m_meantNode));
        return;
    }
    const QDateTime when =
        QDateTime::fromString(last.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).toLocalTime();
    QString text =
        tr("The last migration in the journal (%1) moved it from %2 to %3: it meant the copy on %3.")
            .arg(format::dateTime(when), from, m_meantNode);
    const QString error = last.value(QStringLiteral("error")).toString();
    if (result == QLatin1String("unknown")) {
        // The job failed, but the move may have happened: the journal does not claim either.
        text = Sentences::join({text, error.isEmpty() ? tr("Its outcome is not known.")
                                                      : tr("Its outcome is not known: %1").arg(error)});
    } else if (result != QLatin1String("completed")) {
        text = Sentences::join(
            {text, error.isEmpty() ? tr("It did not complete.") : tr("It did not complete: %1").arg(error)});
    }
    m_lastMigration->setText(text);
}

void SplitBrainDialog::refill()
{
    const InstanceSnapshot* shown = m_cluster->instance(m_uuid);
    const QStringList split = shown ? shown->splitNodes : QStringList();
    const QList<InstanceSnapshot> copies = m_cluster->copiesOf(m_uuid);
    if (shown && shown->isSplit()) {
        m_summary->setText(tr("%1 runs on %2 at the same time. Both copies use the same disks and "
                              "addresses: stop one of them.")
                               .arg(m_name, Sentences::names(shown->splitNodes)));
    } else if (shown) {
        m_summary->setText(tr("%1 runs on %2 only: nothing to fix.").arg(m_name, shown->node));
    } else {
        m_summary->setText(tr("%1 is no longer seen on any node.").arg(m_name));
    }

    m_table->setRowCount(int(copies.size()));
    for (int row = 0; row < copies.size(); ++row) {
        const InstanceSnapshot& copy = copies.at(row);
        QString node = copy.node;
        if (copy.node == m_meantNode)
            node = tr("%1 (destination of the last migration)").arg(node);
        QString state = instanceStateText(copy.state);
        const InstanceCopyFacts facts = m_facts.value(copy.node);
        // The node stopped answering while its facts were read: the watchdog's deadline passed.
        const bool notAnswering = facts.error.code == ErrorCode::Timeout;
        const QString why = runningReasonText(
            copy.state, facts.error.code == ErrorCode::None && !facts.node.isEmpty() ? facts.stateReason
                                                                                     : copy.stateReason);
        if (!why.isEmpty())
            state = tr("%1 — %2", "an instance state and why it is in it").arg(state, why);
        if (notAnswering)
            state =
                tr("%1 — %2", "an instance state and why it is in it").arg(state, tr("node not answering"));
        const quint64 cpuNs = std::max(copy.cpuTimeNs, facts.cpuTimeNs);
        const QString cpu =
            copy.isActive() ? format::duration(qint64(cpuNs / 1'000'000'000ULL)) : format::unknown();
        QString dirty;
        if (notAnswering)
            dirty = tr("not answering");
        else if (!copy.isExecuting())
            dirty = format::unknown();
        else if (facts.node.isEmpty())
            dirty = tr("measuring…");
        else if (facts.error.code != ErrorCode::None)
            dirty = facts.error.message;
        else if (facts.dirtyRateMiBs >= 0)
            dirty = tr("%1 MiB/s (over %2 s)")
                        .arg(QLocale().toString(facts.dirtyRateMiBs, 'f', 0))
                        .arg(facts.dirtyRateSeconds);
        else
            dirty = facts.dirtyRateNote.isEmpty() ? format::unknown() : facts.dirtyRateNote;
        const QStringList cells{node, state, cpu, dirty};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, copy.node);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();

    // One button per copy that runs; none once the instance runs in one place again.
    for (auto it = m_stopButtons.begin(); it != m_stopButtons.end();) {
        if (!split.contains(it.key())) {
            it.value()->deleteLater();
            it = m_stopButtons.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString& node : split) {
        QPushButton*& button = m_stopButtons[node];
        if (!button) {
            button = new QPushButton(tr("Stop the copy on %1…").arg(node), this);
            button->setObjectName(QStringLiteral("stopCopy:%1").arg(node));
            m_buttonsLayout->addWidget(button);
            connect(button, &QPushButton::clicked, this, [this, node] { stopCopy(node); });
        }
        button->setEnabled(m_stopRequest == 0 && m_removeRequest == 0);
    }
    updateStatus();
}

void SplitBrainDialog::requestFacts()
{
    const InstanceSnapshot* shown = m_cluster->instance(m_uuid);
    if (!shown)
        return;
    for (const QString& node : shown->splitNodes)
        m_factRequests.insert(m_cluster->requestCopyFacts(m_uuid, node), node);
}

void SplitBrainDialog::askAgain(const QString& node)
{
    // A node that was not answering (or not connected) when asked answers again: ask once more.
    const auto known = m_facts.constFind(node);
    if (known == m_facts.cend() ||
        (known->error.code != ErrorCode::Timeout && known->error.code != ErrorCode::ConnectionFailed))
        return;
    const NodeSnapshot* snapshot = m_cluster->node(node);
    const InstanceSnapshot* shown = m_cluster->instance(m_uuid);
    if (!snapshot || snapshot->state != NodeState::Connected || !shown || !shown->splitNodes.contains(node))
        return;
    for (const QString& asked : std::as_const(m_factRequests)) {
        if (asked == node)
            return;
    }
    m_factRequests.insert(m_cluster->requestCopyFacts(m_uuid, node), node);
}

void SplitBrainDialog::showFacts(const InstanceCopyFacts& facts)
{
    m_facts.insert(facts.node, facts);
    refill();
}

bool SplitBrainDialog::stopCopy(const QString& node)
{
    const InstanceSnapshot* shown = m_cluster->instance(m_uuid);
    if (!shown || !shown->splitNodes.contains(node) || m_stopRequest != 0 || m_removeRequest != 0)
        return false;
    QStringList others = shown->splitNodes;
    others.removeAll(node);
    QMessageBox box(QMessageBox::Warning, tr("Stop the copy on %1?").arg(node),
                    tr("Stop the copy of %1 on %2 now? It is switched off at once, like pulling its plug: "
                       "what it did not write to disk is lost. The copy on %3 keeps running.")
                        .arg(m_name, node, Sentences::names(others)),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmStopCopy"));
    showAsPlainText(&box);
    QPushButton* stop = box.addButton(tr("Stop the copy on %1").arg(node), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    // Exactly one definition should be left after the fix: offered only when another node keeps a
    // persistent one, so the instance never ends up defined nowhere.
    if (m_cluster->canRemoveCopyDefinition(m_uuid, node)) {
        auto* remove = new QCheckBox(
            tr("Also remove the stopped copy's definition from %1 (its disks are kept)").arg(node), &box);
        remove->setObjectName(QStringLiteral("removeDefinition"));
        remove->setChecked(true);
        box.setCheckBox(remove);
    }
    box.exec();
    if (box.clickedButton() != stop)
        return false;
    m_removingDefinition = box.checkBox() && box.checkBox()->isChecked();
    m_stoppingNode = node;
    m_stopRequest = m_migrations->stopCopy(m_uuid, node, {}, m_removingDefinition);
    setStatus(tr("Stopping the copy on %1…").arg(node));
    for (QPushButton* button : std::as_const(m_stopButtons))
        button->setEnabled(false);
    return true;
}

} // namespace kumo
