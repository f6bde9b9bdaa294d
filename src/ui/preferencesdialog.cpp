// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preferencesdialog.h"
#include "ui_preferencesdialog.h"

#include <algorithm>

#include <QEvent>
#include <QSettings>

#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/planner.h"
#include "ui/migration/migrationdialog.h"

namespace kumo {

namespace {
const QString ReserveKey = QStringLiteral("migration/reserveMiB");
const QString OnFailureKey = QStringLiteral("outage/onFailure");
const QString HeadroomKey = QStringLiteral("outage/headroomPercent");
const QStringList FailureKeys{QStringLiteral("ask"), QStringLiteral("retry"), QStringLiteral("skip")};
} // namespace

PreferencesDialog::PreferencesDialog(MigrationController* migrations, QWidget* parent)
    : QDialog(parent)
    , m_migrations(migrations)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->globalLimitSpin->setValue(migrations->queue()->globalLimit());
    m_ui->perSourceLimitSpin->setValue(migrations->queue()->perSourceLimit());
    m_ui->reserveSpin->setValue(QSettings().value(ReserveKey, 0).toInt());
    m_ui->skipConfirmCheck->setChecked(MigrationDialog::skipSameCampusConfirmation());
    for (const QString& key : FailureKeys)
        m_ui->onFailureCombo->addItem(QString(), key);
    const QSettings settings;
    const int failure =
        m_ui->onFailureCombo->findData(settings.value(OnFailureKey, FailureKeys.first()).toString());
    m_ui->onFailureCombo->setCurrentIndex(std::max(0, failure));
    m_ui->headroomSpin->setValue(settings.value(HeadroomKey, PlannerRules::DefaultHeadroomPercent).toInt());
    retranslate();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::accept()
{
    const int global = m_ui->globalLimitSpin->value();
    const int perSource = m_ui->perSourceLimitSpin->value();
    m_migrations->queue()->setLimits(global, perSource);
    QSettings settings;
    settings.setValue(QStringLiteral("migration/globalLimit"), global);
    settings.setValue(QStringLiteral("migration/perSourceLimit"), perSource);
    settings.setValue(ReserveKey, m_ui->reserveSpin->value());
    MigrationDialog::setSkipSameCampusConfirmation(m_ui->skipConfirmCheck->isChecked());
    settings.setValue(OnFailureKey, m_ui->onFailureCombo->currentData().toString());
    settings.setValue(HeadroomKey, m_ui->headroomSpin->value());
    QDialog::accept();
}

void PreferencesDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void PreferencesDialog::retranslate()
{
    m_ui->reserveSpin->setSuffix(tr(" MiB"));
    m_ui->reserveSpin->setSpecialValueText(tr("Nothing"));
    m_ui->globalLimitSpin->setToolTip(tr("Migrations beyond this number wait in the queue."));
    m_ui->perSourceLimitSpin->setToolTip(
        tr("Migrations leaving the same node share its network link; more wait in the queue."));
    m_ui->reserveSpin->setToolTip(tr("A move is refused when it would leave less than this free on the "
                                     "destination (on top of the node's own memory_reserve_mib)."));
    m_ui->onFailureCombo->setItemText(0, tr("Stop and ask"));
    m_ui->onFailureCombo->setItemText(1, tr("Retry, then ask"));
    m_ui->onFailureCombo->setItemText(2, tr("Skip the instance"));
    m_ui->onFailureCombo->setToolTip(
        tr("What an evacuation does when a move fails. Stop and ask waits for your decision; Retry tries "
           "twice more; Skip leaves the instance where it is and goes on."));
    m_ui->headroomSpin->setSuffix(tr(" %"));
    m_ui->headroomSpin->setToolTip(tr("Memory and vCPU capacity the evacuation planner keeps free on every "
                                      "target node, in percent of the node."));
}

} // namespace kumo
