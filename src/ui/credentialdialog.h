// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CredentialDialog: the window's CredentialPrompter. It shows the node, its URI, what libvirt asks
// (user name prefilled, password hidden), "Remember in the keychain" (off with the reason when no
// keychain can store it) and why the last answer did not work; or, for an SSH host key libvirt
// does not know, the key's fingerprint with Accept and Reject (Reject is the default button).
// Never blocks: ask() opens it window-modal and the answer goes back through the reply. One
// dialog serves every prompt in turn; the fields are cleared as soon as an answer is taken.
// Thread: GUI.
// Owner: its parent window.
#pragma once

#include <QDialog>
#include <QList>

#include "app/access/credentialprompter.h"

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kumo {

class CredentialDialog : public QDialog, public CredentialPrompter
{
    Q_OBJECT

public:
    explicit CredentialDialog(QWidget* parent = nullptr);
    ~CredentialDialog() override;

    // CredentialPrompter
    void ask(const CredentialPrompt& prompt, Reply reply) override;
    void abort() override;

    // For tests and screenshots.
    [[nodiscard]] QList<QLineEdit*> fields() const { return m_fields; }
    [[nodiscard]] QCheckBox* rememberBox() const { return m_remember; }
    [[nodiscard]] QPushButton* acceptButton() const { return m_acceptButton; }
    [[nodiscard]] QPushButton* rejectButton() const { return m_rejectButton; }
    [[nodiscard]] QString fingerprintText() const;
    [[nodiscard]] QString refusalText() const;

public Q_SLOTS:
    void done(int result) override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    void retranslate();
    void clearFields();

    CredentialPrompt m_prompt;
    Reply m_reply;
    QLabel* m_heading = nullptr;
    QLabel* m_uri = nullptr;
    QLabel* m_explanation = nullptr;
    QLabel* m_refusal = nullptr;
    QLabel* m_fingerprint = nullptr;
    QLabel* m_libvirtPrompt = nullptr;
    QWidget* m_formHost = nullptr;
    QFormLayout* m_form = nullptr;
    QList<QLabel*> m_labels;
    QList<QLabel*> m_hints;
    QList<QLineEdit*> m_fields;
    QCheckBox* m_remember = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_acceptButton = nullptr;
    QPushButton* m_rejectButton = nullptr;
};

} // namespace kumo
