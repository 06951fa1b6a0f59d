#pragma once

class QSettings;

// The reviewer's preferences kept in QSettings: whether a call's recording starts
// playing as soon as the call opens ("review/playOnOpen", off by default).
class ReviewSettings
{
public:
    static bool playOnOpen(const QSettings &settings);
    static void setPlayOnOpen(QSettings &settings, bool on);
};
