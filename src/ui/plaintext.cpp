// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plaintext.h"

#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTextDocument>

namespace kumo {

QString plainToolTip(const QString& text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

void showAsPlainText(QMessageBox* box)
{
    box->setTextFormat(Qt::PlainText);
    // Set on both labels: not every Qt version passes the format on to the informative text. Plain
    // text turns word wrap off in QMessageBox; sentences still wrap as they did.
    for (QLabel* label : box->findChildren<QLabel*>()) {
        if (label->objectName() == QLatin1String("qt_msgbox_label") ||
            label->objectName() == QLatin1String("qt_msgbox_informativelabel")) {
            label->setTextFormat(Qt::PlainText);
            label->setWordWrap(true);
        }
    }
}

QString toolBarText(const QString& menuText)
{
    static const QRegularExpression mnemonicInBrackets(QStringLiteral("\\s*[(（]&[^&][)）]"));
    static const QRegularExpression ellipsis(QStringLiteral("\\s*(?:…|\\.\\.\\.)\\s*$"));
    QString text = menuText;
    text.remove(mnemonicInBrackets);
    text.remove(ellipsis);
    // "&&" is a literal ampersand; a single "&" marks the mnemonic.
    QString plain;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size())
            ++i;
        plain.append(text.at(i));
    }
    return plain;
}

QString shortenedName(const QString& name)
{
    if (name.size() <= MaxNameInText)
        return name;
    qsizetype head = MaxNameInText / 2;
    qsizetype tail = MaxNameInText - head - 1;
    // Never split a surrogate pair.
    if (name.at(head - 1).isHighSurrogate())
        --head;
    if (name.at(name.size() - tail).isLowSurrogate())
        --tail;
    return name.left(head) + QChar(0x2026) + name.right(tail);
}

QString isolatedName(const QString& name)
{
    return QChar(0x2068) + shortenedName(name) + QChar(0x2069);
}

QString escapedForRichText(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace kumo
