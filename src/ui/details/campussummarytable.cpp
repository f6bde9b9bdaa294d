// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/campussummarytable.h"

#include <QEvent>
#include <QHeaderView>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "ui/modelformat.h"

namespace kumo {

CampusSummaryTable::CampusSummaryTable(ClusterController* controller, QWidget* parent)
    : QTableWidget(0, ColumnCount, parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("campusSummary"));
    setEditTriggers(NoEditTriggers);
    setSelectionMode(NoSelection);
    setFocusPolicy(Qt::NoFocus);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    retranslate();
}

void CampusSummaryTable::refresh()
{
    QList<NodeSnapshot> nodes;
    for (const QString& name : m_controller->nodeNames()) {
        if (const NodeSnapshot* node = m_controller->node(name))
            nodes.append(*node);
    }
    const Inventory& inventory = m_controller->inventory();
    m_summaries = CampusSummary::compute(inventory, nodes);
    setRowCount(int(m_summaries.size()));
    const QLocale locale;
    for (int row = 0; row < m_summaries.size(); ++row) {
        const CampusSummary& s = m_summaries.at(row);
        const Site* site = inventory.site(s.site);
        QString pool = format::unknown();
        if (s.poolsKnown && s.poolCapacityBytes > 0) {
            pool = tr("%1 of %2 (%3)")
                       .arg(format::bytes(s.poolFreeBytes), format::bytes(s.poolCapacityBytes),
                            format::percent(100.0 * double(s.poolFreeBytes) / double(s.poolCapacityBytes)));
        }
        const QStringList texts = {site ? site->displayName(language::current()) : s.site,
                                   tr("%1 of %2").arg(locale.toString(s.nodesUp), locale.toString(s.nodes)),
                                   locale.toString(s.running),
                                   format::percent(s.cpuPercent),
                                   format::usedOfTotalKiB(s.memoryUsedKiB, s.memoryTotalKiB),
                                   pool};
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem* cell = item(row, column);
            if (!cell) {
                cell = new QTableWidgetItem;
                cell->setTextAlignment(column == CampusColumn ? Qt::AlignLeft | Qt::AlignVCenter
                                                              : Qt::AlignRight | Qt::AlignVCenter);
                setItem(row, column, cell);
            }
            if (cell->text() != texts.at(column))
                cell->setText(texts.at(column));
        }
    }
    // Every campus in view without scrolling: the table is as tall as its rows.
    int height = horizontalHeader()->height() + 2 * frameWidth();
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    setFixedHeight(height);
}

void CampusSummaryTable::retranslate()
{
    setHorizontalHeaderLabels(
        {tr("Campus"), tr("Nodes up"), tr("Running"), tr("CPU"), tr("Memory used"), tr("Pool space free")});
    setAccessibleName(tr("Campus summary"));
    refresh();
}

void CampusSummaryTable::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

} // namespace kumo
