// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// JsonReader: reads the fields of one JSON object of a Kumo state file and remembers the first
// problem with the field's full path ("evacuation.records[2].status"), so that a damaged file says
// exactly what is wrong instead of "invalid file". Used by OutagePlan and OutageState.
// Thread: any (a short-lived value on the caller's stack).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include "core/result.h"

namespace kumo {

class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(kumo::JsonReader)

public:
    // path: where `object` sits in the file ("" for the top); error receives the first problem.
    JsonReader(const QJsonObject& object, QString path, Error* error);

    [[nodiscard]] QString field(const QString& key) const;
    [[nodiscard]] QString field(const char* key) const { return field(QString::fromLatin1(key)); }

    // Absent optional strings are empty: they are the ones a plan usually leaves blank.
    QString string(const char* key, bool required = true);
    qint64 integer(const char* key, qint64 minimum = 0);
    bool boolean(const char* key); // optional: false when absent
    // Dates that may be unset are written as null; a required one must be a valid ISO 8601 time.
    QDateTime date(const char* key, bool required);
    QJsonObject object(const char* key);
    QJsonArray array(const char* key);

    void missing(const char* key);
    void bad(const char* key);
    void badField(const QString& path);
    void fail(const QString& message);
    // An object nested here names its fields relative to itself: say where it sits.
    void nested(const QString& path, const Error& error);
    [[nodiscard]] bool ok() const { return m_error->code == ErrorCode::None; }

private:
    QJsonValue value(const char* key, bool required);

    QJsonObject m_object;
    QString m_path;
    Error* m_error;
};

// A date as the state files write it: UTC with milliseconds, or null when unset.
[[nodiscard]] QJsonValue jsonDate(const QDateTime& date);
// "moves[3]": the path of an array element, for messages.
[[nodiscard]] QString jsonIndexed(const QString& path, qsizetype index);

} // namespace kumo
