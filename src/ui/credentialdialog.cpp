// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/credentialdialog.h"

#include <algorithm>
#include <utility>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kumo {

namespace {

using Type = CredentialRequest::Type;

bool isSecret(Type type)
{
    return type == Type::Passphrase || type == Type::NoEchoPrompt;
}

QLabel* smallGreyLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

CredentialDialog::CredentialDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_uri = smallGreyLabel(this);
    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);
    m_refusal = new QLabel(this);
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_fingerprint = new QLabel(this);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextFormat(Qt::PlainText);
    m_libvirtPrompt = smallGreyLabel(this);
    m_formHost = new QWidget(this);
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_remember = new QCheckBox(this);
    m_buttons = new QDialogButtonBox(this);
    m_acceptButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_rejectButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    layout->addWidget(m_heading);
    layout->addWidget(m_uri);
    layout->addWidget(m_refusal);
    layout->addWidget(m_explanation);
    layout->addWidget(m_fingerprint);
    layout->addWidget(m_libvirtPrompt);
    layout->addWidget(m_formHost);
    layout->addWidget(m_remember);
    layout->addStretch();
    layout->addWidget(m_buttons);
}

CredentialDialog::~CredentialDialog()
{
    clearFields();
}

void CredentialDialog::ask(const CredentialPrompt& prompt, Reply reply)
{
    m_prompt = prompt;
    m_reply = std::move(reply);
    build();
    retranslate();
    open();
    if (!m_fields.isEmpty()) {
        // The first empty field: with a prefilled name, the cursor waits in the password.
        QLineEdit* focus = m_fields.constFirst();
        for (QLineEdit* field : std::as_const(m_fields)) {
            if (field->text().isEmpty()) {
                focus = field;
                break;
            }
        }
        focus->setFocus();
    } else {
        m_rejectButton->setFocus();
    }
}

void CredentialDialog::abort()
{
    m_reply = nullptr;
    clearFields();
    hide();
    setResult(QDialog::Rejected);
}

void CredentialDialog::done(int result)
{
    CredentialAnswer answer;
    answer.accepted = result == QDialog::Accepted;
    answer.remember = answer.accepted && m_remember->isEnabled() && m_remember->isChecked();
    if (answer.accepted) {
        for (QLineEdit* field : std::as_const(m_fields))
            answer.results.append(field->text());
    }
    clearFields();
    QDialog::done(result);
    if (Reply reply = std::exchange(m_reply, nullptr))
        reply(answer);
}

void CredentialDialog::build()
{
    clearFields();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_labels.clear();
    m_hints.clear();
    m_fields.clear();
    const bool hostKey = m_prompt.kind == CredentialPrompt::Kind::HostKey;
    if (!hostKey) {
        for (const CredentialRequest::Item& item : std::as_const(m_prompt.items)) {
            auto* field = new QLineEdit(m_formHost);
            field->setEchoMode(isSecret(item.type) ? QLineEdit::Password : QLineEdit::Normal);
            if (!isSecret(item.type))
                field->setText(item.result);
            auto* label = new QLabel(m_formHost);
            label->setBuddy(field);
            auto* column = new QWidget(m_formHost);
            auto* columnLayout = new QVBoxLayout(column);
            columnLayout->setContentsMargins(0, 0, 0, 0);
            columnLayout->setSpacing(2);
            columnLayout->addWidget(field);
            QLabel* hint = smallGreyLabel(column);
            hint->setVisible(!item.prompt.isEmpty());
            columnLayout->addWidget(hint);
            m_form->addRow(label, column);
            m_labels.append(label);
            m_hints.append(hint);
            m_fields.append(field);
        }
    }
    m_formHost->setVisible(!hostKey);
    m_fingerprint->setVisible(hostKey);
    m_libvirtPrompt->setVisible(hostKey);
    m_remember->setVisible(!hostKey);
    m_remember->setEnabled(m_prompt.canRemember);
    m_remember->setChecked(false);
    m_refusal->setVisible(!m_prompt.previousRefusal.isEmpty());
    m_acceptButton->setDefault(!hostKey);
    m_acceptButton->setAutoDefault(!hostKey);
    m_rejectButton->setDefault(hostKey);
    m_rejectButton->setAutoDefault(hostKey);
}

void CredentialDialog::retranslate()
{
    const bool hostKey = m_prompt.kind == CredentialPrompt::Kind::HostKey;
    setWindowTitle(hostKey ? tr("Unknown SSH host key") : tr("Credentials for %1").arg(m_prompt.node));
    m_heading->setText(hostKey ? tr("Is this the SSH host key of %1?").arg(m_prompt.node)
                               : tr("The libvirt daemon of %1 asks for credentials.").arg(m_prompt.node));
    m_uri->setText(m_prompt.uri);
    m_explanation->setText(
        hostKey ? tr("Kumo does not know this node's SSH host key yet. Accept it only if the fingerprint "
                     "below is "
                     "the one the node's administrator gives you; it is not stored in the keychain.")
                : tr("Kumo sends these to the node only; with \"Remember in the keychain\" it stores them in "
                     "the keychain after the node accepted them."));
    m_refusal->setText(m_prompt.previousRefusal);
    if (hostKey) {
        m_fingerprint->setText(m_prompt.fingerprint);
        const QString prompt = m_prompt.items.isEmpty() ? QString() : m_prompt.items.constFirst().prompt;
        m_libvirtPrompt->setText(tr("libvirt asks: %1").arg(prompt));
        m_acceptButton->setText(tr("&Accept host key"));
        m_rejectButton->setText(tr("&Reject"));
    } else {
        // SASL asks for both the identity to log in as (AUTHNAME) and the one to act as (USERNAME);
        // the second is usually left empty, and two "User name" fields would only confuse.
        const bool asksBoth =
            std::any_of(m_prompt.items.cbegin(), m_prompt.items.cend(),
                        [](const CredentialRequest::Item& item) { return item.type == Type::AuthName; });
        for (int i = 0; i < m_labels.size() && i < m_prompt.items.size(); ++i) {
            const CredentialRequest::Item& item = m_prompt.items.at(i);
            switch (item.type) {
            case Type::Username:
                m_labels[i]->setText(asksBoth ? tr("Act a&s (optional):") : tr("&User name:"));
                break;
            case Type::AuthName:
                m_labels[i]->setText(tr("&User name:"));
                break;
            case Type::Passphrase:
                m_labels[i]->setText(tr("&Password:"));
                break;
            default:
                m_labels[i]->setText(tr("A&nswer:"));
                break;
            }
            m_hints[i]->setText(tr("libvirt asks: %1").arg(item.prompt));
        }
        m_acceptButton->setText(tr("&Connect"));
        m_rejectButton->setText(tr("Cancel"));
    }
    m_remember->setText(tr("Re&member in the keychain"));
    m_remember->setToolTip(
        m_prompt.canRemember
            ? tr("Store the user name and password in the keychain once the node accepts them.")
            : m_prompt.rememberUnavailable);
}

void CredentialDialog::clearFields()
{
    // QLineEdit keeps no history once cleared; this is as far as a widget lets a secret go.
    for (QLineEdit* field : std::as_const(m_fields))
        field->clear();
}

QString CredentialDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

QString CredentialDialog::refusalText() const
{
    return m_refusal->isVisibleTo(this) ? m_refusal->text() : QString();
}

void CredentialDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace kumo
