// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/topconsumerstable.h"

#include <QEvent>
#include <QHeaderView>

#include "app/cluster/clustercontroller.h"
#include "ui/modelformat.h"

namespace kumo {

namespace {

constexpr int UuidRole = Qt::UserRole + 1;

// Sorted by the figure, not by its text ("9 %" after "10 %"); unknown figures go last.
class FigureItem : public QTableWidgetItem
{
public:
    FigureItem(const QString& text, double value)
        : QTableWidgetItem(text)
    {
        setData(Qt::UserRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

double sum(double a, double b)
{
    return a < 0 || b < 0 ? -1 : a + b;
}

} // namespace

TopConsumersTable::TopConsumersTable(ClusterController* controller, QWidget* parent)
    : QTableWidget(0, ColumnCount, parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("topConsumers"));
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(InstanceColumn, QHeaderView::Stretch);
    for (int column = CpuColumn; column < ColumnCount; ++column)
        horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    setSortingEnabled(true);
    sortByColumn(CpuColumn, Qt::DescendingOrder);
    setMinimumHeight(140);
    connect(this, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (const QTableWidgetItem* name = item(row, InstanceColumn))
            Q_EMIT instanceActivated(name->data(UuidRole).toString());
    });
    retranslate();
}

void TopConsumersTable::setNode(const QString& node)
{
    m_node = node;
    refresh();
}

void TopConsumersTable::refresh()
{
    QList<InstanceSnapshot> instances;
    if (!m_node.isEmpty()) {
        for (const InstanceSnapshot& instance : m_controller->instancesOn(m_node)) {
            if (instance.isActive())
                instances.append(instance);
        }
    }
    // Sorting stays as the person chose it; it is applied once, after the rows are filled.
    setSortingEnabled(false);
    setRowCount(int(instances.size()));
    int row = 0;
    for (const InstanceSnapshot& instance : std::as_const(instances)) {
        auto* name = new QTableWidgetItem(instance.name);
        name->setData(UuidRole, instance.uuid);
        setItem(row, InstanceColumn, name);
        setItem(row, CpuColumn, new FigureItem(format::percent(instance.cpuPercent), instance.cpuPercent));
        const quint64 memory = instance.rssKiB > 0 ? instance.rssKiB : instance.memoryKiB;
        setItem(row, MemoryColumn, new FigureItem(format::memoryKiB(memory), double(memory)));
        const double disk = sum(instance.diskReadBps, instance.diskWriteBps);
        setItem(row, DiskColumn, new FigureItem(format::bytesPerSecond(disk), disk));
        const double network = sum(instance.netRxBps, instance.netTxBps);
        setItem(row, NetworkColumn, new FigureItem(format::bytesPerSecond(network), network));
        ++row;
    }
    setSortingEnabled(true);
}

QStringList TopConsumersTable::shownNames() const
{
    QStringList names;
    for (int row = 0; row < rowCount(); ++row) {
        if (const QTableWidgetItem* name = item(row, InstanceColumn))
            names.append(name->text());
    }
    return names;
}

void TopConsumersTable::retranslate()
{
    setHorizontalHeaderLabels({tr("Instance"), tr("CPU"), tr("Memory"), tr("Disk I/O"), tr("Network")});
    horizontalHeaderItem(MemoryColumn)
        ->setToolTip(
            tr("Host memory the instance's process uses (RSS) where libvirt reports it, otherwise its "
               "current allocation"));
    setAccessibleName(tr("Top consumers of the node"));
    refresh();
}

void TopConsumersTable::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

} // namespace kumo
