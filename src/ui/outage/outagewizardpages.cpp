// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outagewizardpages.h"
#include "ui_outagesitepage.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/outage/evacuation.h"
#include "app/outage/outagestore.h"
#include "ui/checkpresentation.h"
#include "ui/clusterselection.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/planarrowsitem.h"
#include "ui/outage/choicedelegate.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/outage/plantablemodel.h"
#include "ui/outage/unplacedtablemodel.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

QTableView* makePlanTable(QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::SelectedClicked);
    table->setTabKeyNavigation(false);
    table->setItemDelegate(new ChoiceDelegate(table));
    return table;
}

QString siteName(const ClusterController* cluster, const QString& id)
{
    const Site* site = cluster->inventory().site(id);
    return site ? site->displayName(language::current()) : id;
}

} // namespace

// ---------------------------------------------------------------------------------------------

OutageSitePage::OutageSitePage(Evacuation* evacuation, OutagePlanEditor* editor, OutageDirection direction,
                               const QString& site, QWidget* parent)
    : QWizardPage(parent)
    , m_evacuation(evacuation)
    , m_editor(editor)
    , m_direction(direction)
    , m_ui(std::make_unique<Ui::OutageSitePage>())
{
    m_ui->setupUi(this);
    const bool returning = direction == OutageDirection::Return;
    m_ui->returnGroup->setVisible(returning);
    for (QWidget* widget :
         {static_cast<QWidget*>(m_ui->windowCheck), static_cast<QWidget*>(m_ui->windowStartLabel),
          static_cast<QWidget*>(m_ui->windowStartEdit), static_cast<QWidget*>(m_ui->windowEndLabel),
          static_cast<QWidget*>(m_ui->windowEndEdit)})
        widget->setVisible(!returning);
    m_ui->homesTable->setColumnCount(3);
    m_ui->homesTable->verticalHeader()->setVisible(false);
    m_ui->homesTable->horizontalHeader()->setStretchLastSection(true);

    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime start(now.date().addDays(1), QTime(8, 0));
    m_ui->windowStartEdit->setDateTime(start);
    m_ui->windowEndEdit->setDateTime(start.addSecs(qint64{10} * 3600));
    m_ui->windowStartEdit->setEnabled(false);
    m_ui->windowEndEdit->setEnabled(false);
    m_ui->parallelSpin->setValue(OutageLimits::DefaultParallel);
    m_ui->perLinkSpin->setValue(OutageLimits::DefaultPerLink);
    m_ui->bandwidthSpin->setValue(0);
    m_ui->headroomSpin->setValue(
        QSettings()
            .value(QStringLiteral("outage/headroomPercent"), PlannerRules::DefaultHeadroomPercent)
            .toInt());

    fillSites();
    setSite(site);
    connect(m_ui->windowCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->windowStartEdit->setEnabled(on);
        m_ui->windowEndEdit->setEnabled(on);
        Q_EMIT completeChanged();
    });
    connect(m_ui->windowStartEdit, &QDateTimeEdit::dateTimeChanged, this, &QWizardPage::completeChanged);
    connect(m_ui->windowEndEdit, &QDateTimeEdit::dateTimeChanged, this, &QWizardPage::completeChanged);
    connect(m_ui->endMaintenanceCheck, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_ui->siteCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillHomes();
        Q_EMIT completeChanged();
    });
    connect(m_evacuation->cluster(), &ClusterController::inventoryChanged, this, [this] {
        const QString current = this->site();
        fillSites();
        setSite(current);
    });
    fillHomes();
    retranslate();
}

OutageSitePage::~OutageSitePage() = default;

void OutageSitePage::fillSites()
{
    const ClusterController* cluster = m_evacuation->cluster();
    QStringList ids;
    if (m_direction == OutageDirection::Evacuate) {
        for (const Site& site : cluster->inventory().sites)
            ids.append(site.id);
    } else {
        // Sites with an outage to end: in maintenance, or with recorded home nodes.
        const QList<OutageState> states = m_evacuation->store()->all();
        for (const Site& site : cluster->inventory().sites) {
            bool recorded = cluster->maintenanceSites().contains(site.id);
            for (const OutageState& state : states)
                recorded = recorded || (state.site == site.id && state.phase != OutagePhase::Ended);
            if (recorded)
                ids.append(site.id);
        }
    }
    const QSignalBlocker block(m_ui->siteCombo);
    m_ui->siteCombo->clear();
    for (const QString& id : std::as_const(ids))
        m_ui->siteCombo->addItem(siteName(cluster, id), id);
}

QString OutageSitePage::site() const
{
    return m_ui->siteCombo->currentData().toString();
}

void OutageSitePage::setSite(const QString& site)
{
    const int index = m_ui->siteCombo->findData(site);
    if (index >= 0)
        m_ui->siteCombo->setCurrentIndex(index);
}

OutageLimits OutageSitePage::limits() const
{
    OutageLimits limits;
    limits.parallel = m_ui->parallelSpin->value();
    limits.perLink = m_ui->perLinkSpin->value();
    limits.bandwidthMiBs = quint64(m_ui->bandwidthSpin->value());
    return limits;
}

void OutageSitePage::fillHomes()
{
    if (m_direction != OutageDirection::Return)
        return;
    QTableWidget* table = m_ui->homesTable;
    table->setRowCount(0);
    const Result<OutageState> state = m_evacuation->store()->load(site());
    if (!state)
        return;
    const ClusterController* cluster = m_evacuation->cluster();
    QStringList uuids = state->homes.keys();
    std::sort(uuids.begin(), uuids.end(), [&state](const QString& a, const QString& b) {
        return state->homes.value(a).name < state->homes.value(b).name;
    });
    table->setRowCount(int(uuids.size()));
    for (int row = 0; row < uuids.size(); ++row) {
        const HomeRecord home = state->homes.value(uuids.at(row));
        const InstanceSnapshot* instance = cluster->instance(uuids.at(row));
        QString now = instance ? instance->node : tr("not found");
        if (home.shutDown)
            now = tr("shut down for the outage");
        table->setItem(row, 0, new QTableWidgetItem(home.name));
        table->setItem(row, 1, new QTableWidgetItem(home.homeNode));
        table->setItem(row, 2, new QTableWidgetItem(now));
    }
    table->resizeColumnsToContents();
}

bool OutageSitePage::isComplete() const
{
    if (site().isEmpty())
        return false;
    if (m_direction == OutageDirection::Return) {
        const bool inMaintenance = m_evacuation->cluster()->maintenanceSites().contains(site());
        return !inMaintenance || m_ui->endMaintenanceCheck->isChecked();
    }
    return !m_ui->windowCheck->isChecked() ||
           m_ui->windowEndEdit->dateTime() > m_ui->windowStartEdit->dateTime();
}

bool OutageSitePage::validatePage()
{
    return buildPlan();
}

bool OutageSitePage::buildPlan()
{
    const QString id = site();
    if (id.isEmpty())
        return false;
    OutagePlan plan;
    if (m_direction == OutageDirection::Evacuate) {
        const QString key = id + QLatin1Char('/') + QString::number(m_ui->headroomSpin->value());
        if (key == m_builtKey && m_editor->hasPlan()) {
            plan = m_editor->plan();
        } else {
            PlannerRules rules = m_evacuation->rules();
            rules.headroomPercent = m_ui->headroomSpin->value();
            plan = m_evacuation->planEvacuation(id, rules);
            m_builtKey = key;
        }
        plan.windowStart =
            m_ui->windowCheck->isChecked() ? m_ui->windowStartEdit->dateTime().toUTC() : QDateTime();
        plan.windowEnd =
            m_ui->windowCheck->isChecked() ? m_ui->windowEndEdit->dateTime().toUTC() : QDateTime();
    } else {
        if (m_evacuation->cluster()->maintenanceSites().contains(id)) {
            const Result<void> ended = m_evacuation->endMaintenance(id);
            if (!ended) {
                showError(tr("Cannot end the outage"), ended.error().message);
                return false;
            }
        }
        if (m_builtKey == id && m_editor->hasPlan()) {
            plan = m_editor->plan();
        } else {
            const Result<OutagePlan> planned = m_evacuation->planReturn(id);
            if (!planned) {
                showError(tr("Cannot plan the return"), planned.error().message);
                return false;
            }
            plan = planned.value();
            m_builtKey = id;
        }
    }
    plan.reason = m_ui->reasonEdit->text().trimmed();
    plan.limits = limits();
    m_editor->setPlan(plan);
    return true;
}

void OutageSitePage::showError(const QString& title, const QString& text)
{
    // Not modal over the wizard's modality: the person reads it and goes on.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    showAsPlainText(box);
    box->open();
}

void OutageSitePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWizardPage::changeEvent(event);
}

void OutageSitePage::retranslate()
{
    const bool returning = m_direction == OutageDirection::Return;
    setTitle(returning ? tr("End the outage") : tr("Planned outage"));
    setSubTitle(returning ? tr("Bring every instance back to the node it lived on before the outage.")
                          : tr("Move every running instance off a campus before its power is switched off."));
    m_ui->introLabel->setText(
        returning ? tr("Kumo recorded the home node of every instance it moved. Once the campus's nodes are "
                       "back and connected, end maintenance mode and Kumo plans the way home.")
                  : tr("Kumo plans where each instance goes, shows the plan on a map and checks every move "
                       "before anything starts. The time window and the reason are kept with the plan and "
                       "appear in the report."));
    m_ui->bandwidthSpin->setSuffix(tr(" MiB/s"));
    m_ui->bandwidthSpin->setSpecialValueText(tr("Unlimited"));
    m_ui->headroomSpin->setSuffix(tr(" %"));
    m_ui->headroomSpin->setToolTip(
        tr("Memory and vCPU capacity kept free on every target node, in percent of the node."));
    m_ui->perLinkSpin->setToolTip(tr("Migrations at once between one pair of campuses."));
    m_ui->reasonEdit->setPlaceholderText(tr("e.g. annual electrical inspection"));
    m_ui->siteCombo->setAccessibleName(tr("Campus"));
    m_ui->homesTable->setHorizontalHeaderLabels({tr("Instance"), tr("Home node"), tr("Now on")});
    m_ui->homesTable->setAccessibleName(tr("Recorded home nodes"));
    // Site names follow the language.
    for (int i = 0; i < m_ui->siteCombo->count(); ++i)
        m_ui->siteCombo->setItemText(
            i, siteName(m_evacuation->cluster(), m_ui->siteCombo->itemData(i).toString()));
}

// ---------------------------------------------------------------------------------------------

OutagePlanPage::OutagePlanPage(Evacuation* evacuation, OutagePlanEditor* editor, QWidget* parent)
    : QWizardPage(parent)
    , m_editor(editor)
    , m_planModel(new PlanTableModel(editor, this))
    , m_unplacedModel(new UnplacedTableModel(editor, this))
    , m_selection(new ClusterSelection(this))
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* tables = new QWidget(splitter);
    auto* tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    m_movesLabel = new QLabel(tables);
    m_planTable = makePlanTable(tables);
    m_planTable->setObjectName(QStringLiteral("planTable"));
    m_planTable->setModel(m_planModel);
    m_movesLabel->setBuddy(m_planTable);
    m_unplacedLabel = new QLabel(tables);
    m_unplacedTable = makePlanTable(tables);
    m_unplacedTable->setObjectName(QStringLiteral("unplacedTable"));
    m_unplacedTable->setModel(m_unplacedModel);
    m_unplacedLabel->setBuddy(m_unplacedTable);
    tablesLayout->addWidget(m_movesLabel);
    tablesLayout->addWidget(m_planTable, 3);
    tablesLayout->addWidget(m_unplacedLabel);
    tablesLayout->addWidget(m_unplacedTable, 1);

    auto* mapBox = new QWidget(splitter);
    auto* mapLayout = new QVBoxLayout(mapBox);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    m_mapLabel = new QLabel(mapBox);
    m_mapLabel->setWordWrap(true);
    m_map = new CampusMapView(evacuation->cluster(), m_selection, mapBox);
    m_map->setObjectName(QStringLiteral("planMap"));
    m_map->setDropHandler(editor);
    mapLayout->addWidget(m_mapLabel);
    mapLayout->addWidget(m_map, 1);
    splitter->addWidget(tables);
    splitter->addWidget(mapBox);
    // The map needs the room: below about half size the cards turn into plain blocks.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({400, 880});
    layout->addWidget(splitter, 1);

    setTabOrder(m_planTable, m_unplacedTable);
    setTabOrder(m_unplacedTable, m_map);

    connect(editor, &OutagePlanEditor::planChanged, this, &OutagePlanPage::onPlanChanged);
    // The row looked at is the chip shown on the map.
    connect(m_planTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString uuid = m_planModel->uuidAt(current.row());
                if (!uuid.isEmpty())
                    m_selection->selectInstances({uuid});
            });
    retranslate();
    onPlanChanged();
}

QString OutagePlanPage::summaryText() const
{
    return m_summary->text();
}

void OutagePlanPage::initializePage()
{
    retranslate();
    onPlanChanged();
    m_map->fitToWindow();
}

bool OutagePlanPage::isComplete() const
{
    const OutagePlan& plan = m_editor->plan();
    return m_editor->hasPlan() && !m_editor->hasProblems() &&
           (!plan.moves.isEmpty() || !plan.unplaced.isEmpty());
}

void OutagePlanPage::onPlanChanged()
{
    m_summary->setText(m_editor->summary());
    m_summary->setStyleSheet(m_editor->hasProblems() ? QStringLiteral("color: #b02020;") : QString());
    m_map->mapScene()->planArrows()->setArrows(m_editor->arrows());
    m_unplacedLabel->setVisible(!m_editor->plan().unplaced.isEmpty());
    m_unplacedTable->setVisible(!m_editor->plan().unplaced.isEmpty());
    m_planTable->resizeColumnsToContents();
    m_unplacedTable->resizeColumnsToContents();
    Q_EMIT completeChanged();
}

void OutagePlanPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void OutagePlanPage::retranslate()
{
    setTitle(m_editor->plan().direction == OutageDirection::Return ? tr("Return plan")
                                                                   : tr("Evacuation plan"));
    setSubTitle(tr("Where each instance goes, in this order. Change a target by dragging the instance to "
                   "another node on the map, or with F2 in the \"To\" column."));
    m_movesLabel->setText(tr("&Moves:"));
    m_unplacedLabel->setText(tr("&Instances that cannot be placed:"));
    m_mapLabel->setText(
        tr("Arrows show each move. Drag an instance onto another node to change its target."));
    m_planTable->setAccessibleName(tr("Moves of the plan"));
    m_unplacedTable->setAccessibleName(tr("Instances that cannot be placed"));
    m_map->setAccessibleName(tr("Plan map"));
    if (m_editor->hasPlan())
        m_summary->setText(m_editor->summary());
}

// ---------------------------------------------------------------------------------------------

OutageDryRunPage::OutageDryRunPage(Evacuation* evacuation, OutagePlanEditor* editor, QWidget* parent)
    : QWizardPage(parent)
    , m_evacuation(evacuation)
    , m_editor(editor)
{
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_again = new QPushButton(this);
    row->addWidget(m_status, 1);
    row->addWidget(m_again);
    layout->addLayout(row);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_results = new QTableWidget(0, 4, this);
    m_results->setObjectName(QStringLiteral("dryRunResults"));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->verticalHeader()->setVisible(false);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setWordWrap(true);
    layout->addWidget(m_results, 1);
    setFinalPage(true);
    connect(m_again, &QPushButton::clicked, this, &OutageDryRunPage::start);
    connect(evacuation, &Evacuation::dryRunFinished, this, &OutageDryRunPage::onFinished);
    // A changed plan needs a new dry run.
    connect(editor, &OutagePlanEditor::planChanged, this, [this] {
        m_done = false;
        Q_EMIT completeChanged();
    });
    retranslate();
}

void OutageDryRunPage::initializePage()
{
    start();
}

void OutageDryRunPage::start()
{
    m_done = false;
    m_refused = 0;
    m_running = true;
    m_results->setRowCount(0);
    m_progress->setVisible(true);
    m_again->setEnabled(false);
    retranslate();
    Q_EMIT completeChanged();
    m_checking = m_editor->plan();
    m_evacuation->dryRun(m_checking);
}

void OutageDryRunPage::onFinished(const OutagePlan& plan, const QList<PreflightResult>& results)
{
    // An answer for a plan the person has changed since means nothing for this one.
    if (!m_running || m_checking != m_editor->plan() || plan.id != m_checking.id)
        return;
    m_running = false;
    // The dry run re-planned moves their targets refused: the plan checked is the plan now.
    if (plan.moves != m_checking.moves || plan.unplaced != m_checking.unplaced)
        m_editor->setPlan(plan);
    m_done = true;
    m_last = results;
    m_refused = 0;
    m_progress->setVisible(false);
    m_again->setEnabled(true);
    m_results->setRowCount(int(results.size()));
    for (int row = 0; row < results.size(); ++row) {
        const PreflightResult& result = results.at(row);
        const int index = plan.indexOfMove(result.uuid);
        const QString name = index >= 0 ? plan.moves.at(index).name : result.uuid;
        const CheckSeverity verdict = result.verdict();
        if (verdict == CheckSeverity::Refused)
            ++m_refused;
        const QStringList reasons = result.reasons(CheckSeverity::Warning);
        // The icon marks the verdict beside its word (no glyph as well: one mark is enough).
        auto* verdictItem = new QTableWidgetItem(checkSeverityIcon(verdict), severityText(verdict));
        verdictItem->setForeground(checkSeverityColor(verdict).darker(130));
        m_results->setItem(row, 0, new QTableWidgetItem(name));
        m_results->setItem(row, 1, new QTableWidgetItem(result.destinationNode));
        m_results->setItem(row, 2, verdictItem);
        auto* reasonItem = new QTableWidgetItem(reasons.isEmpty() ? tr("Every check passed.")
                                                                  : reasons.join(QLatin1Char('\n')));
        reasonItem->setToolTip(plainToolTip(reasonItem->text()));
        m_results->setItem(row, 3, reasonItem);
    }
    m_results->resizeColumnsToContents();
    m_results->resizeRowsToContents();
    retranslate();
    Q_EMIT completeChanged();
}

bool OutageDryRunPage::isComplete() const
{
    return m_done && !m_running && m_refused == 0;
}

void OutageDryRunPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void OutageDryRunPage::retranslate()
{
    setTitle(tr("Dry run"));
    setSubTitle(tr("Every move is checked as a single migration would be, with facts from both nodes. "
                   "Nothing moves yet."));
    m_again->setText(tr("&Check again"));
    m_results->setHorizontalHeaderLabels({tr("Instance"), tr("To"), tr("Verdict"), tr("Reasons")});
    m_results->setAccessibleName(tr("Dry run results"));
    m_progress->setAccessibleName(tr("Dry run in progress"));
    if (m_running)
        m_status->setText(tr("Checking %n move(s)…", nullptr, int(m_editor->plan().moves.size())));
    else if (!m_done)
        m_status->setText(QString());
    else if (m_refused > 0)
        m_status->setText(tr("%n move(s) would be refused. Go back and choose other targets, or fix the "
                             "cause and check again.",
                             nullptr, m_refused));
    else
        m_status->setText(tr("Every move can go ahead (%n checked).", nullptr, int(m_last.size())));
}

} // namespace kumo
