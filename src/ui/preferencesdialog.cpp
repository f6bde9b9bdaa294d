// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"
#include "ui_preferencesdialog.h"

#include <QEvent>
#include <QSettings>

#include "migrationcontroller.h"
#include "migrationdialog.h"
#include "migrationqueue.h"

namespace kumo {

namespace {
const QString ReserveKey = QStringLiteral("migration/reserveMiB");
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
}

} // namespace kumo
