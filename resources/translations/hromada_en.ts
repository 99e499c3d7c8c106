<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="uk_UA">
<context>
    <name>AgendaItemDialog</name>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="80"/>
        <source>Питання порядку денного</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="97"/>
        <source>напр. номер петиції або колективного звернення</source>
        <translation>e.g. number of a petition or collective appeal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="103"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="104"/>
        <source>Питання:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="105"/>
        <source>Ініціатор:</source>
        <translation>Initiator:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="106"/>
        <source>Депутат-ініціатор:</source>
        <translation>Initiating deputy:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="107"/>
        <source>Комісія-ініціатор:</source>
        <translation>Initiating committee:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="108"/>
        <source>Уточнення:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="109"/>
        <source>№ проєкту рішення:</source>
        <translation>Draft decision No.:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="110"/>
        <source>Потрібна більшість:</source>
        <translation>Majority required:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="111"/>
        <source>Стан:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="112"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>AnnualReportForm</name>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="505"/>
        <source>Звіт депутата перед виборцями</source>
        <translation>Deputy’s report to voters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="514"/>
        <source>призначено</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="516"/>
        <source>оприлюднено</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="521"/>
        <source>Рік:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="522"/>
        <source>Зустріч із виборцями:</source>
        <translation>Meeting with voters:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="523"/>
        <source>Місце зустрічі:</source>
        <translation>Meeting venue:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="524"/>
        <source>Оприлюднення:</source>
        <translation>Publication:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="533"/>
        <source>Зберегти звіт</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="555"/>
        <source>Оприлюднити не пізніше %1 (за %2 дн. до зустрічі).</source>
        <translation>Publish no later than %1 (%2 days before the meeting).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="496"/>
        <source>Робота в раді та комісіях:</source>
        <translation>Council and committee work:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="497"/>
        <source>Робота з виборцями:</source>
        <translation>Work with voters:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="498"/>
        <source>Що зроблено для округу:</source>
        <translation>Work for the district:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="499"/>
        <source>Інша діяльність:</source>
        <translation>Other activities:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="500"/>
        <source>Плани на наступний рік:</source>
        <translation>Plans for next year:</translation>
    </message>
</context>
<context>
    <name>AppealAnswerDialog</name>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="229"/>
        <source>Відповідь на звернення № %1</source>
        <translation>Reply to appeal No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="240"/>
        <source>Строк:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="241"/>
        <source>Дата відповіді:</source>
        <translation>Reply date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="242"/>
        <source>Результат:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="243"/>
        <source>Підписав:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="244"/>
        <source>Зміст відповіді:</source>
        <translation>Reply text:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="247"/>
        <source>Зберегти відповідь</source>
        <translation>Save reply</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="57"/>
        <source>Реєстрація звернення</source>
        <translation>Register appeal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="58"/>
        <source>Звернення № %1</source>
        <translation>Appeal No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="84"/>
        <source>Потребує додаткового вивчення (строк 30 днів; інакше — 15)</source>
        <translation>Requires further examination (30-day deadline; otherwise 15)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="95"/>
        <source>Дата надходження:</source>
        <translation>Date received:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="96"/>
        <source>Спосіб надходження:</source>
        <translation>Received via:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="97"/>
        <source>Вид звернення:</source>
        <translation>Appeal type:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="98"/>
        <source>Тема:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="99"/>
        <source>Короткий зміст:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="100"/>
        <source>Виконавець:</source>
        <translation>Assignee:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="102"/>
        <source>Відповісти до:</source>
        <translation>Reply by:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="103"/>
        <source>Заявник — персональні дані, не оприлюднюються</source>
        <translation>Applicant — personal data, not published</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="105"/>
        <source>Прізвище та ім’я:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="106"/>
        <source>Адреса:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="107"/>
        <source>Телефон:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="108"/>
        <source>Електронна пошта:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="113"/>
        <source>Зареєструвати</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="113"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="147"/>
        <source>⟲ Повторне звернення: цей заявник уже звертався з цієї теми (№ %1).</source>
        <translation>⟲ Repeat appeal: this applicant has already written on this topic (No. %1).</translation>
    </message>
</context>
<context>
    <name>AppealsPage</name>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="69"/>
        <source>%1 р. д.</source>
        <translation>%1 working day(s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="70"/>
        <source>Попереднє звернення № %1</source>
        <translation>Previous appeal No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="107"/>
        <source>Пошук: номер, заявник, тема, зміст</source>
        <translation>Search: number, applicant, topic, summary</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="117"/>
        <source>усі види</source>
        <translation>all types</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="129"/>
        <source>Зареєструвати звернення…</source>
        <translation>Register appeal…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="133"/>
        <source>Статистика (PDF)…</source>
        <translation>Statistics (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="135"/>
        <source>Прострочені (PDF)…</source>
        <translation>Overdue (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="147"/>
        <source>строк минув</source>
        <translation>deadline passed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="149"/>
        <source>спливає за 3 робочі дні</source>
        <translation>due within 3 working days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="149"/>
        <source>* строк продовжено</source>
        <translation>* deadline extended</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="167"/>
        <source>Редагувати…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="169"/>
        <source>Продовжити строк…</source>
        <translation>Extend deadline…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="172"/>
        <location filename="../../ui/pages/appeals_page.py" line="301"/>
        <source>Відповідь…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="204"/>
        <source>Звернення громадян</source>
        <translation>Citizens’ appeals</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="222"/>
        <source>усі виконавці</source>
        <translation>all assignees</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="223"/>
        <source>(не призначено)</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="224"/>
        <source>усі теми</source>
        <translation>all topics</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="225"/>
        <source>усі роки</source>
        <translation>all years</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="252"/>
        <source>Показано: %1 · прострочено: %2 · спливає: %3</source>
        <translation>Shown: %1 · overdue: %2 · due soon: %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="290"/>
        <source>Звернень не знайдено.</source>
        <translation>No appeals found.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="301"/>
        <source>Змінити відповідь…</source>
        <translation>Edit reply…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="303"/>
        <source>Петиція №%1</source>
        <translation>Petition No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="308"/>
        <source>Надійшло</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="309"/>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="310"/>
        <source>Заявник</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="311"/>
        <source>Контакти</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="313"/>
        <source>Тема</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="314"/>
        <source>Виконавець</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="315"/>
        <source>Строк</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="315"/>
        <source>%1 днів, до %2 — %3</source>
        <translation>%1 days, until %2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="319"/>
        <source>Продовжено</source>
        <translation>Extended</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="321"/>
        <source>Повторне</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="321"/>
        <source>попереднє звернення № %1</source>
        <translation>previous appeal No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="323"/>
        <source>із порушенням строку</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="324"/>
        <source>Відповідь</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="347"/>
        <source>Повторне: попереднє № %1.</source>
        <translation>Repeat: previous No. %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="349"/>
        <source>Зареєстровано звернення № %1; відповісти до %2.</source>
        <translation>Appeal No. %1 registered; reply by %2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="391"/>
        <source>Зберегти PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="392"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="397"/>
        <source>Звіт PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="402"/>
        <source>Збережено: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="88"/>
        <source>усі</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="89"/>
        <source>на розгляді</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="90"/>
        <source>прострочені</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="91"/>
        <source>спливає строк</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="92"/>
        <source>розглянуті</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="93"/>
        <source>повторні</source>
        <translation>repeat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="326"/>
        <source>Звернення № %1</source>
        <translation>Appeal No. %1</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="64"/>
        <source>з</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="70"/>
        <source>по</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="89"/>
        <source>Перевірити ланцюжок</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="91"/>
        <source>Експорт у PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="97"/>
        <source>Період:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="103"/>
        <source>Користувач:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="105"/>
        <source>Тип запису:</source>
        <translation>Record type:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="125"/>
        <location filename="../../ui/pages/audit_page.py" line="212"/>
        <source>Журнал змін</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="140"/>
        <source>… ще %1 полів</source>
        <translation>… %1 more fields</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="148"/>
        <location filename="../../ui/pages/audit_page.py" line="152"/>
        <source>усі</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="175"/>
        <source>Показано подій: %1</source>
        <translation>Events shown: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="181"/>
        <source>Ланцюжок цілий: %1 подій, жодну не змінено і не видалено.</source>
        <translation>Chain intact: %1 events, none altered or deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="185"/>
        <source>Ланцюжок порушено на події №%1: %2</source>
        <translation>Chain broken at event No. %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="202"/>
        <source>Зберегти журнал змін</source>
        <translation>Save audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="203"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="218"/>
        <source>Журнал змін збережено: %1</source>
        <translation>Audit trail saved: %1</translation>
    </message>
</context>
<context>
    <name>BallotEntry</name>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="92"/>
        <source>номер документа виборця</source>
        <translation>voter’s document number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="93"/>
        <source>Зберігається лише як необоротний відбиток — для перевірки, що виборець голосує один раз.</source>
        <translation>Stored only as an irreversible hash — to check that each voter votes only once.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="100"/>
        <source>вік</source>
        <translation>age</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="103"/>
        <source>номери проєктів через пробіл, напр. 3 7 12</source>
        <translation>project numbers separated by spaces, e.g. 3 7 12</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="120"/>
        <source>Зберегти бюлетень (Enter)</source>
        <translation>Save ballot (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="123"/>
        <source>Зіпсований бюлетень (Ctrl+D)</source>
        <translation>Spoilt ballot (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="126"/>
        <source>Скасувати бюлетень…</source>
        <translation>Cancel ballot…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="130"/>
        <source>Імпорт онлайн-голосів…</source>
        <translation>Import online votes…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="147"/>
        <source>Пункт голосування:</source>
        <translation>Voting point:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="148"/>
        <source>Дата голосування:</source>
        <translation>Voting date:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="149"/>
        <location filename="../../ui/pages/budget_ballots.py" line="387"/>
        <source>Ідентифікатор виборця:</source>
        <translation>Voter ID:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="150"/>
        <source>Вік:</source>
        <translation>Age:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="151"/>
        <source>Проєкти:</source>
        <translation>Projects:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="181"/>
        <source>Щойно введені бюлетені:</source>
        <translation>Recently entered ballots:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="186"/>
        <source>Проєкти в бюлетені:</source>
        <translation>Projects on the ballot:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="216"/>
        <source>Оберіть цикл громадського бюджету.</source>
        <translation>Select a participatory budget cycle.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="223"/>
        <source>Правила: %1.</source>
        <translation>Rules: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="232"/>
        <source>Результати цього голосування затверджено: бюлетені не приймаються.</source>
        <translation>The results of this vote have been approved: ballots are no longer accepted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="234"/>
        <source>У цьому циклі ще немає проєктів, допущених до голосування.</source>
        <translation>No projects in this cycle have been admitted to the vote yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="236"/>
        <source>Немає жодного пункту голосування: додайте його на вкладці «Пункти голосування».</source>
        <translation>There are no voting points: add one on the “Voting points” tab.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="262"/>
        <location filename="../../ui/pages/budget_ballots.py" line="357"/>
        <source>На цьому пункті введено бюлетенів: %1</source>
        <translation>Ballots entered at this point: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="295"/>
        <source>Цей виборець уже голосував: %1. Другий бюлетень не приймається.</source>
        <translation>This voter has already voted: %1. A second ballot is not accepted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="355"/>
        <source>Бюлетень №%1 прийнято: проєкти %2.</source>
        <translation>Ballot No. %1 accepted: projects %2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="368"/>
        <source>Зіпсований бюлетень</source>
        <translation>Spoilt ballot</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="369"/>
        <source>Чому бюлетень зіпсовано (необов’язково)? Виборця не записують.</source>
        <translation>Why is the ballot spoilt (optional)? The voter is not recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="378"/>
        <source>Зіпсований бюлетень враховано.</source>
        <translation>Spoilt ballot counted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="385"/>
        <source>Скасувати бюлетень</source>
        <translation>Cancel ballot</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="386"/>
        <source>Причина скасування (запишеться в журнал змін):</source>
        <translation>Reason for cancellation (recorded in the audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="395"/>
        <source>Бюлетень скасовано; виборець може проголосувати знову.</source>
        <translation>Ballot cancelled; the voter may vote again.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="402"/>
        <location filename="../../ui/pages/budget_ballots.py" line="425"/>
        <source>Онлайн-голоси</source>
        <translation>Online votes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="403"/>
        <source>CSV або Pabulib (*.csv *.pb);;Усі файли (*)</source>
        <translation>CSV or Pabulib (*.csv *.pb);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="414"/>
        <source>Імпорт онлайн-голосів</source>
        <translation>Import online votes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="424"/>
        <source>… і ще %1</source>
        <translation>… and %1 more</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="79"/>
        <source>працює</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="80"/>
        <source>вимкнено</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="426"/>
        <source>Новий цикл…</source>
        <translation>New cycle…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="429"/>
        <source>Налаштування циклу…</source>
        <translation>Cycle settings…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="432"/>
        <source>Імпорт Pabulib…</source>
        <translation>Import Pabulib…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="435"/>
        <source>Експорт Pabulib…</source>
        <translation>Export Pabulib…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="438"/>
        <source>Видалити цикл</source>
        <translation>Delete cycle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="444"/>
        <source>Громадський бюджет</source>
        <translation>Participatory budget</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="449"/>
        <source>Цикл:</source>
        <translation>Cycle:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="462"/>
        <source>Цикл</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="463"/>
        <source>Проєкти</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="464"/>
        <source>Бюлетені</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="465"/>
        <source>Підрахунок</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="466"/>
        <source>Результати</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="467"/>
        <source>Реалізація</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="468"/>
        <source>Пункти голосування</source>
        <translation>Voting points</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="572"/>
        <source>Видалити цикл «%1» з усіма його проєктами?</source>
        <translation>Delete cycle “%1” with all its projects?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="583"/>
        <location filename="../../ui/pages/budget_page.py" line="592"/>
        <location filename="../../ui/pages/budget_page.py" line="603"/>
        <source>Імпорт Pabulib</source>
        <translation>Import Pabulib</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="583"/>
        <location filename="../../ui/pages/budget_page.py" line="615"/>
        <source>Pabulib (*.pb)</source>
        <translation>Pabulib (*.pb)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="598"/>
        <source>Створено цикл «%1». Проєктів: %2, бюлетенів: %3.</source>
        <translation>Cycle “%1” created. Projects: %2, ballots: %3.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="602"/>
        <source>Щоб визначити переможців, оберіть для категорії реалізоване правило.</source>
        <translation>To determine the winners, choose an implemented rule for the category.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="613"/>
        <source>Експорт Pabulib</source>
        <translation>Export Pabulib</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="624"/>
        <source>Записано: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="236"/>
        <source>Категорія проєктів</source>
        <translation>Project category</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="239"/>
        <source>Бюджет категорії</source>
        <translation>Category budget</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="241"/>
        <source>Мінімальна вартість</source>
        <translation>Minimum cost</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="242"/>
        <source>Максимальна вартість</source>
        <translation>Maximum cost</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="245"/>
        <source>як загалом у бюлетені</source>
        <translation>as for the whole ballot</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="253"/>
        <source>без порогу</source>
        <translation>no threshold</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="255"/>
        <source>Назва:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="256"/>
        <source>Бюджет, грн:</source>
        <translation>Budget, UAH:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="257"/>
        <source>Вартість проєкту від, грн:</source>
        <translation>Project cost from, UAH:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="258"/>
        <source>Вартість проєкту до, грн:</source>
        <translation>Project cost up to, UAH:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="259"/>
        <source>Проєктів категорії в бюлетені:</source>
        <translation>Category projects per ballot:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="260"/>
        <source>Правило визначення переможців:</source>
        <translation>Winner selection rule:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="261"/>
        <source>Поріг голосів:</source>
        <translation>Vote threshold:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="262"/>
        <source>Частка загального бюджету: %1</source>
        <translation>Share of the total budget: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="266"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="249"/>
        <source>за кількістю голосів, з пропуском тих, що не вміщаються (greedy)</source>
        <translation>by number of votes, skipping those that do not fit (greedy)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="249"/>
        <source>за кількістю голосів до першого, що не вміщається (greedy-no-skip)</source>
        <translation>by number of votes, up to the first that does not fit (greedy-no-skip)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="249"/>
        <source>за кількістю голосів, лише з мінімумом голосів (greedy-threshold)</source>
        <translation>by number of votes, only those with the minimum votes (greedy-threshold)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="249"/>
        <source>метод рівних часток (equalshares)</source>
        <translation>method of equal shares (equalshares)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="249"/>
        <source>метод рівних часток з доповненням (equalshares/add1)</source>
        <translation>method of equal shares with completion (equalshares/add1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="249"/>
        <source>метод рівних часток з порівнянням (equalshares-comparison)</source>
        <translation>method of equal shares with comparison (equalshares-comparison)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="249"/>
        <source>метод рівних часток, доповнення і порівняння (equalshares/add1-comparison)</source>
        <translation>method of equal shares, completion and comparison (equalshares/add1-comparison)</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="247"/>
        <source>Рядок</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="248"/>
        <location filename="../../ui/pages/petitions_page.py" line="105"/>
        <source>Прізвище, ім’я, по батькові</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="249"/>
        <location filename="../../ui/pages/deputies_page.py" line="50"/>
        <location filename="../../ui/pages/deputies_page.py" line="63"/>
        <location filename="../../ui/pages/petitions_page.py" line="106"/>
        <location filename="../../ui/pages/sessions_page.py" line="55"/>
        <location filename="../../ui/pages/sessions_page.py" line="93"/>
        <location filename="../../ui/widgets/holidays_section.py" line="56"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="250"/>
        <location filename="../../ui/pages/petitions_page.py" line="107"/>
        <source>Спосіб</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="251"/>
        <location filename="../../ui/pages/budget_page.py" line="78"/>
        <location filename="../../ui/pages/petitions_page.py" line="108"/>
        <source>Адреса</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="252"/>
        <location filename="../../ui/pages/petitions_page.py" line="109"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="253"/>
        <source>Чому не прийнято</source>
        <translation>Reason rejected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="72"/>
        <source>Реєстр. №</source>
        <translation>Reg. No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="73"/>
        <source>Надійшло</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="74"/>
        <location filename="../../ui/pages/budget_results_view.py" line="379"/>
        <location filename="../../ui/pages/home_page.py" line="19"/>
        <location filename="../../ui/pages/petitions_page.py" line="95"/>
        <source>Строк</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="76"/>
        <source>Залишилось / відповідь</source>
        <translation>Left / replied</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="78"/>
        <location filename="../../ui/pages/budget_page.py" line="71"/>
        <location filename="../../ui/pages/budget_page.py" line="79"/>
        <location filename="../../ui/pages/budget_results_view.py" line="366"/>
        <location filename="../../ui/pages/deputies_page.py" line="67"/>
        <location filename="../../ui/pages/petitions_page.py" line="92"/>
        <location filename="../../ui/pages/users_section.py" line="51"/>
        <source>Стан</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="79"/>
        <source>Тема</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="80"/>
        <source>Заявник</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="81"/>
        <location filename="../../ui/pages/deputies_page.py" line="64"/>
        <location filename="../../ui/pages/safety_page.py" line="122"/>
        <location filename="../../ui/pages/sessions_page.py" line="56"/>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="82"/>
        <source>Виконавець</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/appeals_page.py" line="83"/>
        <source>Повторне</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="47"/>
        <location filename="../../ui/pages/budget_ballots.py" line="48"/>
        <location filename="../../ui/pages/budget_page.py" line="66"/>
        <location filename="../../ui/pages/budget_results_view.py" line="77"/>
        <location filename="../../ui/pages/budget_results_view.py" line="181"/>
        <location filename="../../ui/pages/budget_results_view.py" line="363"/>
        <location filename="../../ui/pages/deputies_page.py" line="52"/>
        <location filename="../../ui/pages/petitions_page.py" line="90"/>
        <location filename="../../ui/pages/petitions_page.py" line="104"/>
        <location filename="../../ui/pages/sessions_page.py" line="54"/>
        <location filename="../../ui/pages/sessions_page.py" line="66"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="48"/>
        <location filename="../../ui/pages/safety_page.py" line="121"/>
        <source>Коли</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="50"/>
        <source>Хто</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="51"/>
        <source>Дія</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="52"/>
        <location filename="../../ui/pages/safety_page.py" line="233"/>
        <source>Запис</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="55"/>
        <source>Опис</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="56"/>
        <source>Зміни</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="49"/>
        <location filename="../../ui/pages/budget_page.py" line="52"/>
        <location filename="../../ui/pages/budget_page.py" line="68"/>
        <location filename="../../ui/pages/budget_results_view.py" line="76"/>
        <location filename="../../ui/pages/budget_results_view.py" line="180"/>
        <source>Категорія</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="50"/>
        <location filename="../../ui/pages/budget_results_view.py" line="78"/>
        <location filename="../../ui/pages/budget_results_view.py" line="182"/>
        <location filename="../../ui/pages/budget_results_view.py" line="365"/>
        <source>Проєкт</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="64"/>
        <source>Бюлетень</source>
        <translation>Ballot</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="65"/>
        <source>Час</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="66"/>
        <source>Пункт</source>
        <translation>Point</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_ballots.py" line="67"/>
        <source>Проєкти</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="53"/>
        <source>Бюджет</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="54"/>
        <source>Вартість від</source>
        <translation>Cost from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="55"/>
        <source>Вартість до</source>
        <translation>Cost up to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="57"/>
        <source>У бюлетені</source>
        <translation>On ballot</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="59"/>
        <source>Правило</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="60"/>
        <source>Поріг</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="67"/>
        <location filename="../../ui/pages/petitions_page.py" line="91"/>
        <location filename="../../ui/pages/safety_page.py" line="234"/>
        <location filename="../../ui/pages/sessions_page.py" line="94"/>
        <location filename="../../ui/widgets/holidays_section.py" line="57"/>
        <source>Назва</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="69"/>
        <location filename="../../ui/pages/budget_results_view.py" line="82"/>
        <location filename="../../ui/pages/budget_results_view.py" line="185"/>
        <source>Вартість</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="72"/>
        <location filename="../../ui/pages/petitions_page.py" line="96"/>
        <source>Автор</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="73"/>
        <source>Місце</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="77"/>
        <location filename="../../ui/pages/users_section.py" line="49"/>
        <source>Пункт голосування</source>
        <translation>Voting point</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="79"/>
        <location filename="../../ui/pages/budget_results_view.py" line="183"/>
        <source>Голоси</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="80"/>
        <source>Бали</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="87"/>
        <source>Пункт / спосіб</source>
        <translation>Point / method</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="88"/>
        <source>Бюлетені</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="90"/>
        <source>Зіпсовані</source>
        <translation>Spoilt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="187"/>
        <location filename="../../ui/pages/sessions_page.py" line="70"/>
        <source>Рішення</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="367"/>
        <source>Готовність</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="369"/>
        <source>Виділено</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="371"/>
        <source>Витрачено</source>
        <translation>Spent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="373"/>
        <source>Етапи</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="374"/>
        <source>Наступний етап</source>
        <translation>Next milestone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="378"/>
        <source>Етап</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="380"/>
        <source>Виконано</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="381"/>
        <source>Примітки</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="41"/>
        <location filename="../../ui/pages/sessions_page.py" line="99"/>
        <source>Депутат</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="42"/>
        <location filename="../../ui/pages/sessions_page.py" line="100"/>
        <source>Фракція</source>
        <translation>Faction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="43"/>
        <source>Округ</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="44"/>
        <source>Повноваження</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="51"/>
        <source>Сесія</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="53"/>
        <location filename="../../ui/pages/sessions_page.py" line="67"/>
        <source>Питання</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="54"/>
        <location filename="../../ui/pages/sessions_page.py" line="78"/>
        <source>Голосування</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="55"/>
        <location filename="../../ui/pages/sessions_page.py" line="101"/>
        <source>Голос</source>
        <translation>Voted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="56"/>
        <location filename="../../ui/pages/sessions_page.py" line="68"/>
        <location filename="../../ui/pages/sessions_page.py" line="80"/>
        <source>Результат</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="57"/>
        <source>Проти фракції</source>
        <translation>Against faction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="65"/>
        <source>Зміст</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="66"/>
        <source>Адресат</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="68"/>
        <source>Відповісти до</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="20"/>
        <source>Розділ</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="21"/>
        <source>Що</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="93"/>
        <source>Підписи</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="97"/>
        <source>Оприлюднено</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="55"/>
        <source>Звіт</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>Доступ</source>
        <translation>Access</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="57"/>
        <source>Ідентифікатор</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="123"/>
        <source>Розмір</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="192"/>
        <source>ПК-партнер</source>
        <translation>Partner PC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="193"/>
        <source>Надіслано</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="194"/>
        <source>Підтверджено</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="195"/>
        <source>Отримано</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="196"/>
        <source>Конфлікти</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="235"/>
        <source>З ПК</source>
        <translation>From PC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="236"/>
        <source>Виявлено</source>
        <translation>Detected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="245"/>
        <source>Поле</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="246"/>
        <source>На цьому ПК</source>
        <translation>On this PC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="247"/>
        <source>На іншому ПК</source>
        <translation>On the other PC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="57"/>
        <source>Питань</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="58"/>
        <source>Голосувань</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="59"/>
        <source>Присутні</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="71"/>
        <source>Ініціатор</source>
        <translation>Initiator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="81"/>
        <source>За</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="82"/>
        <source>Проти</source>
        <translation>Against</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="83"/>
        <source>Утрим.</source>
        <translation>Abst.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="84"/>
        <source>Не голос.</source>
        <translation>No vote</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="85"/>
        <source>Відсутні</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="86"/>
        <source>Потрібно</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="88"/>
        <source>Джерело</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="92"/>
        <source>Номер</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="95"/>
        <source>Файл</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="46"/>
        <source>Користувач</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="47"/>
        <source>Прізвище та ім’я</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="48"/>
        <source>Роль</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="52"/>
        <source>Останній вхід</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="58"/>
        <source>Вихідний у мирний час</source>
        <translation>Day off in peacetime</translation>
    </message>
</context>
<context>
    <name>CommitteeDialog</name>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="398"/>
        <source>Нова комісія</source>
        <translation>New committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="408"/>
        <source>Депутат</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="408"/>
        <source>Роль у комісії</source>
        <translation>Committee role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="420"/>
        <source>Назва:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="421"/>
        <source>Скорочено:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="422"/>
        <source>Опис:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="425"/>
        <source>Члени комісії:</source>
        <translation>Committee members:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="427"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CountsTab</name>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="117"/>
        <source>Оновити</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="167"/>
        <source>Бюлетенів: %1 (паперових %2, онлайн %3), зіпсованих: %4</source>
        <translation>Ballots: %1 (paper %2, online %3), spoilt: %4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="170"/>
        <source>оновлено о %1</source>
        <translation>updated at %1</translation>
    </message>
</context>
<context>
    <name>CycleDialog</name>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="112"/>
        <source>Цикл громадського бюджету</source>
        <translation>Participatory budget cycle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="113"/>
        <source>Новий цикл громадського бюджету</source>
        <translation>New participatory budget cycle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="115"/>
        <source>Громадський бюджет</source>
        <translation>Participatory budget</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="119"/>
        <source>Загальний бюджет</source>
        <translation>Total budget</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="123"/>
        <source>без обмеження</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="137"/>
        <source>Подання проєктів з</source>
        <translation>Project submission from</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="138"/>
        <source>Подання проєктів по</source>
        <translation>Project submission until</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="139"/>
        <source>Розгляд проєктів по</source>
        <translation>Project review until</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="140"/>
        <source>Голосування з</source>
        <translation>Voting from</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="141"/>
        <source>Голосування по</source>
        <translation>Voting until</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="142"/>
        <source>Оголошення результатів</source>
        <translation>Results announcement</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="143"/>
        <source>Реалізація до</source>
        <translation>Implementation by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="147"/>
        <source>Назва:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="148"/>
        <source>Рік:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="149"/>
        <source>Загальний бюджет, грн:</source>
        <translation>Total budget, UAH:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="150"/>
        <source>Опис:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="151"/>
        <source>Етапи</source>
        <translation>Stages</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="154"/>
        <source>вказати</source>
        <translation>set</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="157"/>
        <source>Правила голосування</source>
        <translation>Voting rules</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="159"/>
        <source>Проєктів у бюлетені, не більше:</source>
        <translation>Max. projects per ballot:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="160"/>
        <source>Мінімальний вік виборця:</source>
        <translation>Minimum voter age:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="161"/>
        <source>За рівності голосів перевага:</source>
        <translation>In a tie, prefer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="169"/>
        <source>Буде створено дві категорії — малі й великі проєкти; їхні бюджети, межі вартості і правила можна змінити на вкладці «Цикл».</source>
        <translation>Two categories will be created — small and large projects; their budgets, cost limits and rules can be changed on the “Cycle” tab.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="176"/>
        <source>Після введення перших бюлетенів правила бюлетеня не змінюються.</source>
        <translation>Once the first ballots are entered, the ballot rules can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="177"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="200"/>
        <source>Малі проєкти</source>
        <translation>Small projects</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="201"/>
        <source>Великі проєкти</source>
        <translation>Large projects</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="129"/>
        <source>більше виборців → менша вартість → менший номер</source>
        <translation>more voters → lower cost → lower number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="129"/>
        <source>більше виборців → більша вартість → менший номер</source>
        <translation>more voters → higher cost → lower number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="129"/>
        <source>менша вартість → менший номер</source>
        <translation>lower cost → lower number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="129"/>
        <source>менший номер проєкту</source>
        <translation>lower project number</translation>
    </message>
</context>
<context>
    <name>CycleTab</name>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="106"/>
        <source>Додати категорію</source>
        <translation>Add category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="109"/>
        <source>Змінити категорію</source>
        <translation>Edit category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="111"/>
        <source>Видалити категорію</source>
        <translation>Delete category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="121"/>
        <source>Категорії проєктів:</source>
        <translation>Project categories:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="128"/>
        <source>&lt;p&gt;Циклів громадського бюджету ще немає. Створіть новий цикл або імпортуйте файл Pabulib.&lt;/p&gt;</source>
        <translation>&lt;p&gt;There are no participatory budget cycles yet. Create a new cycle or import a Pabulib file.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="136"/>
        <source>Етап</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="137"/>
        <source>Загальний бюджет</source>
        <translation>Total budget</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="139"/>
        <source>Подання проєктів</source>
        <translation>Project submission</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="140"/>
        <source>Розгляд до</source>
        <translation>Review until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="141"/>
        <source>Голосування</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="142"/>
        <source>Результати</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="143"/>
        <source>Бюлетень</source>
        <translation>Ballot</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="144"/>
        <source>до %1 проєктів</source>
        <translation>up to %1 projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="145"/>
        <source>без обмеження кількості</source>
        <translation>no limit on the number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="145"/>
        <source>вік від %1</source>
        <translation>age %1+</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="147"/>
        <source>Нічия</source>
        <translation>Tie-break</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="148"/>
        <source>Проєктів / бюлетенів</source>
        <translation>Projects / ballots</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="151"/>
        <source>Джерело</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="175"/>
        <source>Видалити категорію «%1»?</source>
        <translation>Delete category “%1”?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="138"/>
        <source>розподілено між категоріями</source>
        <translation>allocated to categories</translation>
    </message>
</context>
<context>
    <name>DbChoice</name>
    <message>
        <location filename="../../ui/db_choice.py" line="37"/>
        <source>Не вдається відкрити базу даних, указану в налаштуваннях цього комп’ютера:

%1

Відкрити натомість базу даних на цьому комп’ютері? Адресу можна виправити в Налаштуваннях → Цей комп’ютер.</source>
        <translation>Cannot open the database set in this computer’s settings:

%1

Open the database on this computer instead? The address can be corrected in Settings → This computer.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="151"/>
        <source>Рішення ради</source>
        <translation>Council decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="168"/>
        <location filename="../../ui/dialogs/session_dialogs.py" line="201"/>
        <source>не прикріплено</source>
        <translation>not attached</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="170"/>
        <source>Прикріпити PDF…</source>
        <translation>Attach PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="172"/>
        <source>Відкріпити</source>
        <translation>Detach</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="179"/>
        <source>Номер рішення:</source>
        <translation>Decision number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="180"/>
        <source>Дата:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="181"/>
        <source>Назва:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="182"/>
        <source>Ухвалено голосуванням:</source>
        <translation>Adopted by vote:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="183"/>
        <source>Текст:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="184"/>
        <source>Файл PDF:</source>
        <translation>PDF file:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="185"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="189"/>
        <source>Файл рішення</source>
        <translation>Decision file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="189"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DecisionLinkDialog</name>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="409"/>
        <source>Рішення ради щодо петиції №%1</source>
        <translation>Council decision on petition No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="412"/>
        <source>Зв’язку ще немає.</source>
        <translation>Not linked yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="416"/>
        <source>Пошук рішення чи питання порядку денного</source>
        <translation>Search for a decision or agenda item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="423"/>
        <source>Прибрати зв’язок</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="426"/>
        <source>Зараз:</source>
        <translation>Current:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="429"/>
        <source>Рішення ради:</source>
        <translation>Council decision:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="431"/>
        <source>Або питання порядку денного (якщо рішення ще немає):</source>
        <translation>Or an agenda item (if there is no decision yet):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="436"/>
        <source>Пов’язати</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="477"/>
        <source>Виберіть рішення або питання порядку денного.</source>
        <translation>Select a decision or an agenda item.</translation>
    </message>
</context>
<context>
    <name>DeputiesPage</name>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="48"/>
        <source>так</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="81"/>
        <source>Пошук за прізвищем, ім’ям, по батькові…</source>
        <translation>Search by name…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="90"/>
        <location filename="../../ui/pages/deputies_page.py" line="289"/>
        <source>усі</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="90"/>
        <source>з чинними повноваженнями</source>
        <translation>current mandate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="91"/>
        <source>повноваження припинено</source>
        <translation>mandate terminated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="97"/>
        <source>Додати депутата…</source>
        <translation>Add deputy…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="100"/>
        <source>Фракції, округи, комісії…</source>
        <translation>Factions, districts, committees…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="108"/>
        <source>Фракція:</source>
        <translation>Faction:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="110"/>
        <source>Округ:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="142"/>
        <source>Депутати</source>
        <translation>Deputies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="171"/>
        <location filename="../../ui/pages/deputies_page.py" line="234"/>
        <source>Змінити…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="174"/>
        <location filename="../../ui/pages/deputies_page.py" line="235"/>
        <source>Видалити</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="176"/>
        <source>Картка «Ваш депутат» (PDF)…</source>
        <translation>“Your deputy” card (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="216"/>
        <source>Рік:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="233"/>
        <source>Додати…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="246"/>
        <source>Звіт перед виборцями (PDF)…</source>
        <translation>Report to voters (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="263"/>
        <source>Статистика</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="264"/>
        <source>Голоси</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="265"/>
        <source>Ініціативи</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="266"/>
        <source>Звіт перед виборцями</source>
        <translation>Report to voters</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="284"/>
        <source>позафракційні</source>
        <translation>non-affiliated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="298"/>
        <source>усі роки</source>
        <translation>all years</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="315"/>
        <source>Депутатів: %1</source>
        <translation>Deputies: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="349"/>
        <source>Оберіть депутата у списку</source>
        <translation>Select a deputy in the list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="366"/>
        <source>Фракція</source>
        <translation>Faction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="366"/>
        <source>позафракційний</source>
        <translation>non-affiliated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="367"/>
        <source>Округ</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="368"/>
        <source>Посада</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="373"/>
        <source>Повноваження</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="374"/>
        <source>Комісії</source>
        <translation>Committees</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="375"/>
        <source>Прийом</source>
        <translation>Reception hours</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="378"/>
        <source> (службовий)</source>
        <translation> (internal)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="380"/>
        <source> (службова)</source>
        <translation> (internal)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="381"/>
        <source>Контакти</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="396"/>
        <source>фото немає</source>
        <translation>no photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="403"/>
        <source>&lt;b&gt;Відвідуваність сесій за скликання:&lt;/b&gt; %1 з %2 (%3)</source>
        <translation>&lt;b&gt;Session attendance this convocation:&lt;/b&gt; %1 of %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="407"/>
        <source> — &lt;span style=&apos;color:#b00020&apos;&gt;пропущено понад половину сесій (підстава для відкликання)&lt;/span&gt;</source>
        <translation> — &lt;span style='color:#b00020'&gt;missed more than half of the sessions (grounds for recall)&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="411"/>
        <source>&lt;b&gt;Участь у поіменних голосуваннях:&lt;/b&gt; %1 з %2 (%3)</source>
        <translation>&lt;b&gt;Roll-call vote participation:&lt;/b&gt; %1 of %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="415"/>
        <source>&lt;b&gt;Голоси:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Votes:&lt;/b&gt; </translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="418"/>
        <source>&lt;b&gt;Проти більшості своєї фракції:&lt;/b&gt; %1 з %2 (%3)</source>
        <translation>&lt;b&gt;Against own faction’s majority:&lt;/b&gt; %1 of %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="421"/>
        <source>&lt;b&gt;Ініціативи:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Initiatives:&lt;/b&gt; </translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="423"/>
        <source>Біографія</source>
        <translation>Biography</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="432"/>
        <source>голосувань: %1, проти більшості фракції: %2</source>
        <translation>votes: %1, against faction majority: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="455"/>
        <source>Видалити депутата «%1» з реєстру?</source>
        <translation>Remove deputy “%1” from the register?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="484"/>
        <source>Видалити ініціативу «%1»?</source>
        <translation>Delete initiative “%1”?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="495"/>
        <source>Зберегти PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="496"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="503"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deputies_page.py" line="509"/>
        <source>Збережено: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>DeputyDialog</name>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="65"/>
        <source>Депутат</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="74"/>
        <source>напр. секретар ради (необов’язково)</source>
        <translation>e.g. council secretary (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="76"/>
        <source>позафракційний</source>
        <translation>non-affiliated</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="79"/>
        <source>не вказано</source>
        <translation>not specified</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="82"/>
        <source>припинено</source>
        <translation>terminated</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="84"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="86"/>
        <source>публічний</source>
        <translation>public</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="89"/>
        <source>публічна</source>
        <translation>public</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="92"/>
        <source>напр. щопонеділка 10:00–12:00</source>
        <translation>e.g. Mondays 10:00–12:00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="99"/>
        <source>Прізвище:</source>
        <translation>Surname:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="100"/>
        <source>Ім’я:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="101"/>
        <source>По батькові:</source>
        <translation>Patronymic:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="102"/>
        <source>Посада в раді:</source>
        <translation>Council position:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="103"/>
        <source>Фракція:</source>
        <translation>Faction:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="104"/>
        <source>Виборчий округ:</source>
        <translation>Electoral district:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="105"/>
        <source>Повноваження з:</source>
        <translation>Mandate from:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="108"/>
        <source>підстава:</source>
        <translation>grounds:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="110"/>
        <source>Припинення:</source>
        <translation>Termination:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="111"/>
        <source>Робочий телефон:</source>
        <translation>Work phone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="112"/>
        <source>Ел. пошта:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="117"/>
        <source>Контакти потрапляють у публічні звіти й відкриті дані лише з позначкою «публічний».</source>
        <translation>Contacts appear in public reports and open data only when marked “public”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="121"/>
        <source>Прийом громадян:</source>
        <translation>Reception hours:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="122"/>
        <source>Місце прийому:</source>
        <translation>Reception venue:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="123"/>
        <source>Біографія:</source>
        <translation>Biography:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="130"/>
        <source>Постійна комісія</source>
        <translation>Standing committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="130"/>
        <source>Роль</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="156"/>
        <source>Обрати фото…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="158"/>
        <source>Прибрати фото</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="165"/>
        <source>PNG або JPEG до 5 МБ. Без фото картка друкується з силуетом.</source>
        <translation>PNG or JPEG up to 5 MB. Without a photo the card is printed with a silhouette.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="173"/>
        <source>Дані</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="174"/>
        <source>Комісії</source>
        <translation>Committees</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="175"/>
        <source>Фото</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="178"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="189"/>
        <source>фото немає</source>
        <translation>no photo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="192"/>
        <source>Фото депутата</source>
        <translation>Deputy’s photo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="193"/>
        <source>Зображення (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="182"/>
        <source>Продовження строку: звернення № %1</source>
        <translation>Deadline extension: appeal No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="188"/>
        <source> днів</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="191"/>
        <source>Чому потрібно більше часу (це повідомляють заявникові)</source>
        <translation>Why more time is needed (the applicant will be told)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="196"/>
        <source>Зараз:</source>
        <translation>Current:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="196"/>
        <source>%1 днів, до %2</source>
        <translation>%1 days, until %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="198"/>
        <source>Загальний строк:</source>
        <translation>Total term:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="199"/>
        <source>Новий строк:</source>
        <translation>New deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="200"/>
        <source>Причина:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="203"/>
        <source>Продовжити строк</source>
        <translation>Extend deadline</translation>
    </message>
</context>
<context>
    <name>HolidaysSection</name>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="48"/>
        <source>робочий день</source>
        <translation>working day</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="49"/>
        <source>переноситься на %1</source>
        <translation>moved to %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="50"/>
        <source>вихідний</source>
        <translation>day off</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="67"/>
        <source>Календар робочих днів для строків</source>
        <translation>Working-day calendar for deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="92"/>
        <source>Назва свята або причина</source>
        <translation>Holiday name or reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="93"/>
        <source>Додати неробочий день</source>
        <translation>Add day off</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="96"/>
        <source>Додати робочу суботу/неділю</source>
        <translation>Add working Saturday/Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="98"/>
        <source>Видалити вибране</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="101"/>
        <source>Типовий перелік року</source>
        <translation>Standard list for the year</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="103"/>
        <source>Зберегти календар року</source>
        <translation>Save the year’s calendar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="110"/>
        <source>Рік:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="140"/>
        <source>Діє воєнний стан (правило «Воєнний стан» вище): святкові дні є робочими, і строки рахуються лише без субот і неділь. Перелік нижче зберігається на час після воєнного стану.</source>
        <translation>Martial law is in force (the “Martial law” rule above): public holidays are working days, and deadlines exclude only Saturdays and Sundays. The list below is kept for after martial law.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="145"/>
        <source>Святкові дні — вихідні; свято, що припадає на суботу чи неділю, переносить вихідний на наступний робочий день (ст. 67 КЗпП). Строк, що закінчується у вихідний, переходить на наступний робочий.</source>
        <translation>Public holidays are days off; a holiday falling on a Saturday or Sunday moves the day off to the next working day (Art. 67 of the Labour Code). A deadline that falls on a day off moves to the next working day.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="156"/>
        <source>Робочий день</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="159"/>
        <source>типовий перелік (ст. 73 КЗпП)</source>
        <translation>standard list (Art. 73 of the Labour Code)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="160"/>
        <source>перелік, змінений радою</source>
        <translation>list amended by the council</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="196"/>
        <source>У переліку немає жодного свята: для %1 року буде застосовано типовий перелік. Продовжити?</source>
        <translation>The list contains no holidays: the standard list will be used for %1. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/holidays_section.py" line="204"/>
        <source>Календар %1 року збережено.</source>
        <translation>Calendar for %1 saved.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/pages/home_page.py" line="56"/>
        <source>Найближчим часом строків немає.</source>
        <translation>No deadlines coming up.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="61"/>
        <source>Найближчі строки</source>
        <translation>Upcoming deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="66"/>
        <source>Головна</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="84"/>
        <source>Скликання: %1 · загальний склад: %2 депутатів</source>
        <translation>Convocation: %1 · total membership: %2 deputies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="98"/>
        <source>Журнал змін: %1 подій</source>
        <translation>Audit trail: %1 events</translation>
    </message>
</context>
<context>
    <name>ImplementationTab</name>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="413"/>
        <source>Виділено</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="415"/>
        <source>Витрачено</source>
        <translation>Spent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="418"/>
        <location filename="../../ui/pages/budget_results_view.py" line="419"/>
        <source>вказати</source>
        <translation>set</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="422"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="425"/>
        <source>Реалізація</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="427"/>
        <source>Стан:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="428"/>
        <source>Готовність:</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="429"/>
        <source>Виділено, грн:</source>
        <translation>Allocated, UAH:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="430"/>
        <source>Витрачено, грн:</source>
        <translation>Spent, UAH:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="431"/>
        <source>Виконавець:</source>
        <translation>Implemented by:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="432"/>
        <source>Розпочато:</source>
        <translation>Started:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="433"/>
        <source>Завершено:</source>
        <translation>Completed:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="434"/>
        <source>Примітки:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="443"/>
        <source>Додати етап</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="446"/>
        <source>Змінити етап</source>
        <translation>Edit milestone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="448"/>
        <source>Позначити виконаним</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="451"/>
        <source>Видалити етап</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="453"/>
        <source>Етапи</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="461"/>
        <source>Звіт про реалізацію PDF…</source>
        <translation>Implementation report PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="490"/>
        <source>Реалізовано %1 з %2 проєктів; витрачено %3 з %4.</source>
        <translation>%1 of %2 projects implemented; %3 of %4 spent.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="495"/>
        <source>Переможців ще немає: облік реалізації відкривається після затвердження результатів.</source>
        <translation>No winners yet: implementation tracking opens once the results are approved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="542"/>
        <source>Реалізацію проєкту №%1 збережено.</source>
        <translation>Implementation of project No. %1 saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="573"/>
        <source>Видалити етап «%1»?</source>
        <translation>Delete milestone “%1”?</translation>
    </message>
</context>
<context>
    <name>InitiativeDialog</name>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="452"/>
        <source>Ініціатива депутата</source>
        <translation>Deputy’s initiative</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="464"/>
        <source>отримано</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="466"/>
        <source>Вид:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="467"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="468"/>
        <source>Зміст:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="469"/>
        <source>Дата подання:</source>
        <translation>Submission date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="470"/>
        <source>Адресат:</source>
        <translation>Addressee:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="471"/>
        <source>Стан:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="472"/>
        <source>Відповідь:</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="473"/>
        <source>Дата відповіді:</source>
        <translation>Reply date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="474"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="30"/>
        <source>Вхід — Hromada Desk</source>
        <translation>Log in — Hromada Desk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="36"/>
        <source>База даних: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="46"/>
        <source>Користувач:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="47"/>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="54"/>
        <source>Забули пароль? Адміністратор може задати новий у Налаштуваннях → Користувачі.</source>
        <translation>Forgotten your password? An administrator can set a new one in Settings → Users.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="60"/>
        <location filename="../../ui/dialogs/login_dialog.py" line="113"/>
        <source>Увійти</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="62"/>
        <source>Вийти</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="119"/>
        <source>Увійти (через %1 хв)</source>
        <translation>Log in (in %1 min)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="121"/>
        <source>Увійти (через %1 с)</source>
        <translation>Log in (in %1 s)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Відкриваю базу даних…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>Hromada Desk — %1</source>
        <translation>Hromada Desk — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Користувач: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="26"/>
        <source>Неможливо виконати</source>
        <translation>Cannot be done</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31"/>
        <source>Помилка</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Сталася неочікувана помилка; зміни не збережено.</source>
        <translation>An unexpected error occurred; changes have not been saved.</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="472"/>
        <source>Етап реалізації</source>
        <translation>Implementation milestone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="475"/>
        <source>вказати</source>
        <translation>set</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="477"/>
        <source>виконано</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="481"/>
        <source>Етап:</source>
        <translation>Milestone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="482"/>
        <source>Строк:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="483"/>
        <source>Виконано:</source>
        <translation>Done:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="484"/>
        <source>Примітки:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="485"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="69"/>
        <source>не обмежено</source>
        <translation>unlimited</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>Головна</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>Депутати</source>
        <translation>Deputies</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>Сесії</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Петиції</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Звернення</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <source>Громадський бюджет</source>
        <translation>Participatory budget</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="48"/>
        <source>Збереження даних</source>
        <translation>Data safety</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Звіти</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Журнал змін</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>Налаштування</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="132"/>
        <source>Зміна мого пароля</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="133"/>
        <source>Поточний пароль:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="135"/>
        <source>Новий пароль для «%1»</source>
        <translation>New password for “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="138"/>
        <source>Новий пароль:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="139"/>
        <source>Новий пароль ще раз:</source>
        <translation>Repeat new password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="142"/>
        <source>Повідомте користувачеві новий пароль; він зможе змінити його сам. Блокування після невдалих спроб входу буде знято.</source>
        <translation>Tell the user the new password; they can change it themselves. Any lock after failed login attempts will be lifted.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="147"/>
        <source>Змінити пароль</source>
        <translation>Change password</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="274"/>
        <source>Статистика звернень за період</source>
        <translation>Appeal statistics for a period</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="279"/>
        <source>З:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="280"/>
        <source>По:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="283"/>
        <source>Сформувати PDF…</source>
        <translation>Create PDF…</translation>
    </message>
</context>
<context>
    <name>PetitionAnswerDialog</name>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="194"/>
        <source>Відповідь на петицію №%1</source>
        <translation>Response to petition No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="195"/>
        <source>Підтримана</source>
        <translation>Supported</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="197"/>
        <source>Не підтримана</source>
        <translation>Not supported</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="209"/>
        <source>посада, прізвище та ім’я</source>
        <translation>position, full name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="213"/>
        <source>Результат:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="214"/>
        <source>Дата відповіді:</source>
        <translation>Response date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="215"/>
        <source>Підписав:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="216"/>
        <source>Текст відповіді:</source>
        <translation>Response text:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="217"/>
        <source>Розглянути треба до %1.</source>
        <translation>Must be considered by %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="221"/>
        <source>Зберегти відповідь</source>
        <translation>Save response</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="231"/>
        <source>Оберіть результат: підтримана чи не підтримана.</source>
        <translation>Choose the outcome: supported or not supported.</translation>
    </message>
</context>
<context>
    <name>PetitionDialog</name>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="71"/>
        <source>Нова петиція</source>
        <translation>New petition</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="72"/>
        <source>Петиція №%1</source>
        <translation>Petition No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="95"/>
        <source>Назва:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="96"/>
        <source>Текст:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="97"/>
        <source>Автор (прізвище та ім’я):</source>
        <translation>Author (full name):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="98"/>
        <source>Дата подання:</source>
        <translation>Submission date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="99"/>
        <source>Відповідальна особа:</source>
        <translation>Responsible person:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="100"/>
        <source>Петиція онлайн (посилання):</source>
        <translation>Online petition (link):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="101"/>
        <source>Контакти автора — не оприлюднюються</source>
        <translation>Author’s contacts — not published</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="103"/>
        <source>Адреса:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="104"/>
        <source>Телефон:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="105"/>
        <source>Електронна пошта:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="109"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PetitionsPage</name>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="239"/>
        <source>Пошук: номер, назва, автор</source>
        <translation>Search: number, title, author</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="244"/>
        <source>усі стани</source>
        <translation>all statuses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="248"/>
        <source>Нова петиція…</source>
        <translation>New petition…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="252"/>
        <source>Реєстр петицій (PDF)…</source>
        <translation>Petition register (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="289"/>
        <source>Редагувати…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="291"/>
        <source>Оприлюднити…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="294"/>
        <source>Відповідь…</source>
        <translation>Response…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="297"/>
        <source>Зареєструвати як звернення</source>
        <translation>Register as an appeal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="302"/>
        <source>Оголошення (PDF)…</source>
        <translation>Notice (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="306"/>
        <source>Відповідь (PDF)…</source>
        <translation>Response (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="310"/>
        <source>Рішення ради…</source>
        <translation>Council decision…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="313"/>
        <source>Видалити чернетку</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="326"/>
        <source>Пошук підписанта</source>
        <translation>Find signatory</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="329"/>
        <source>Імпорт із CSV/XLSX…</source>
        <translation>Import from CSV/XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="333"/>
        <source>Вилучити підпис…</source>
        <translation>Remove signature…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="357"/>
        <source>Підписи</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="358"/>
        <source>Петиція</source>
        <translation>Petition</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="359"/>
        <source>Відповідь</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="383"/>
        <source>Електронні петиції</source>
        <translation>E-petitions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="412"/>
        <source>Петицій: %1</source>
        <translation>Petitions: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="454"/>
        <source>Петицій не знайдено</source>
        <translation>No petitions found</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="471"/>
        <source>%1 з %2 підписів</source>
        <translation>%1 of %2 signatures</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="485"/>
        <source>Звернення № %1</source>
        <translation>Appeal No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="497"/>
        <source>Підписи (%1)</source>
        <translation>Signatures (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="507"/>
        <source>Оприлюднити до %1</source>
        <translation>Publish by %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="509"/>
        <source>Збір до %1: залишилось днів — %2; бракує підписів — %3</source>
        <translation>Collecting until %1: days left — %2; signatures still needed — %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="514"/>
        <source>Строк розгляду минув %1 — прострочено на %2 роб. дн.</source>
        <translation>Consideration deadline passed on %1 — overdue by %2 working days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="516"/>
        <source>Розглянути до %1 (залишилось робочих днів: %2)</source>
        <translation>Consider by %1 (working days left: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="519"/>
        <source>Розглянуто %1</source>
        <translation>Considered on %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="521"/>
        <source>Не набрала підписів: зареєструйте як звернення; відповісти до %1</source>
        <translation>Not enough signatures: register it as an appeal; reply by %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="524"/>
        <source>Відповідь як на звернення надано %1</source>
        <translation>Answered as an appeal on %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="525"/>
        <source>Розглядається як звернення; відповісти до %1</source>
        <translation>Handled as an appeal; reply by %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="533"/>
        <source>Автор</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="534"/>
        <source>Контакти автора (не оприлюднюються)</source>
        <translation>Author’s contacts (not published)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="536"/>
        <source>Подано</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="537"/>
        <source>Оприлюднено</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="538"/>
        <source>Умови збору</source>
        <translation>Collection terms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="539"/>
        <source>Відповідальна особа</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="559"/>
        <source>Петиція не набрала підписів і розглядається як звернення № %1.</source>
        <translation>The petition did not gather enough signatures and is being handled as appeal No. %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="561"/>
        <source>Відповіді ще немає.</source>
        <translation>No response yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="599"/>
        <source>Петицію зареєстровано.</source>
        <translation>Petition registered.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="613"/>
        <source>Петицію оприлюднено: збір підписів розпочато.</source>
        <translation>Petition published: signature collection has started.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="620"/>
        <source>Відповідь на петицію збережено.</source>
        <translation>Petition response saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="625"/>
        <source>Зареєструвати петицію №%1 як звернення громадян від її автора?</source>
        <translation>Register petition No. %1 as a citizens’ appeal from its author?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="648"/>
        <source>Видалити чернетку петиції №%1? Це буде записано в журнал змін.</source>
        <translation>Delete draft petition No. %1? This will be recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="665"/>
        <source>Імпортовано підписів: %1</source>
        <translation>Signatures imported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="673"/>
        <source>Вилучити підпис</source>
        <translation>Remove signature</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="674"/>
        <source>Чому вилучається підпис «%1»? Причину буде записано в журнал змін.</source>
        <translation>Why is the signature of “%1” being removed? The reason will be recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="687"/>
        <source>Зберегти PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="688"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="696"/>
        <source>Звіт PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="702"/>
        <source>Збережено: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="544"/>
        <source>Онлайн</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="546"/>
        <source>Рішення ради</source>
        <translation>Council decision</translation>
    </message>
</context>
<context>
    <name>PointDialog</name>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="435"/>
        <source>Пункт голосування</source>
        <translation>Voting point</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="440"/>
        <source>Працює (приймає бюлетені)</source>
        <translation>Open (accepting ballots)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="443"/>
        <source>Назва:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="444"/>
        <source>Адреса:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="447"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="360"/>
        <source>Додати пункт</source>
        <translation>Add point</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="363"/>
        <source>Змінити</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="365"/>
        <source>Видалити</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="372"/>
        <source>Оператор пункту голосування вводить бюлетені лише на своєму пункті; пункт оператора задає адміністратор у картці користувача.</source>
        <translation>A voting point operator enters ballots only at their own point; the administrator sets the operator’s point in the user’s card.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="400"/>
        <source>Видалити пункт «%1»?</source>
        <translation>Delete point “%1”?</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="33"/>
        <source>напр. Вишнівська сільська територіальна громада</source>
        <translation>e.g. Vyshnivska rural territorial hromada</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="36"/>
        <source>напр. Вишнівська сільська рада</source>
        <translation>e.g. Vyshnivska Village Council</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="50"/>
        <location filename="../../ui/widgets/profile_form.py" line="84"/>
        <source>немає</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="54"/>
        <source>Вибрати зображення…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="56"/>
        <source>Прибрати</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="65"/>
        <source>Назва громади:</source>
        <translation>Hromada name:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="66"/>
        <source>Назва ради:</source>
        <translation>Council name:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="67"/>
        <source>Скликання:</source>
        <translation>Convocation:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="68"/>
        <source>Загальний склад ради (депутатів):</source>
        <translation>Total council membership (deputies):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="69"/>
        <source>Адреса:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="70"/>
        <source>Вебсайт:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="71"/>
        <source>Логотип:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="98"/>
        <source>Логотип ради</source>
        <translation>Council logo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="99"/>
        <source>Зображення (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="299"/>
        <source>Проєкт №%1</source>
        <translation>Project No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="300"/>
        <source>Новий проєкт</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="302"/>
        <source>наступний</source>
        <translation>next</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="321"/>
        <source>телефон або e-mail — не оприлюднюється</source>
        <translation>phone or email — not published</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="328"/>
        <source>Стаття витрат</source>
        <translation>Cost item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="328"/>
        <source>Сума, грн</source>
        <translation>Amount, UAH</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="337"/>
        <source>Додати статтю</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="340"/>
        <source>Вилучити статтю</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="349"/>
        <source>Номер у бюлетені:</source>
        <translation>Ballot number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="350"/>
        <source>Назва:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="351"/>
        <source>Категорія:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="352"/>
        <source>Опис:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="353"/>
        <source>Місце:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="354"/>
        <source>Населений пункт / район:</source>
        <translation>Settlement / area:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="355"/>
        <source>Автор:</source>
        <translation>Author:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="356"/>
        <source>Контакти автора:</source>
        <translation>Author’s contacts:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="357"/>
        <source>Кошторис (вартість проєкту — сума статей)</source>
        <translation>Cost estimate (the project cost is the sum of the items)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="364"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="403"/>
        <source>Вартість: %1</source>
        <translation>Cost: %1</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="196"/>
        <location filename="../../ui/pages/budget_page.py" line="257"/>
        <source>усі</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="201"/>
        <source>пошук: номер, назва, автор, місце</source>
        <translation>search: number, title, author, location</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="218"/>
        <source>Новий проєкт</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="221"/>
        <source>Змінити</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="223"/>
        <source>Допустити</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="226"/>
        <source>Не допустити…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="229"/>
        <source>Видалити</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="231"/>
        <source>Картка PDF…</source>
        <translation>Card PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="234"/>
        <source>Категорія:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="236"/>
        <source>Стан:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="272"/>
        <source>проєктів: %1</source>
        <translation>projects: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="284"/>
        <source>Оберіть проєкт.</source>
        <translation>Select a project.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="288"/>
        <source>Причина: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="299"/>
        <source>Спершу додайте категорію проєктів на вкладці «Цикл».</source>
        <translation>First add a project category on the “Cycle” tab.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="318"/>
        <source>Не допустити проєкт</source>
        <translation>Reject project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="319"/>
        <source>Причина, з якої проєкт №%1 не допущено до голосування (її побачить автор і мешканці):</source>
        <translation>Reason why project No. %1 is not admitted to the vote (the author and residents will see it):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_page.py" line="333"/>
        <source>Видалити проєкт №%1 «%2»?</source>
        <translation>Delete project No. %1 “%2”?</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="154"/>
        <source>Оприлюднення петиції №%1</source>
        <translation>Publishing petition No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="158"/>
        <source>Після оприлюднення починається збір підписів. За правилами громади петиція має набрати %1 підписів за %2; ці умови буде закріплено за петицією, і пізніші зміни налаштувань її не стосуватимуться.</source>
        <translation>Signature collection starts on publication. Under the hromada’s rules the petition needs %1 signatures within %2; these terms will be fixed for this petition, and later changes to the settings will not affect it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="164"/>
        <source>Оприлюднити треба до %1 (2 робочі дні після подання).</source>
        <translation>Must be published by %1 (2 working days after submission).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="170"/>
        <source>Дата оприлюднення:</source>
        <translation>Publication date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="175"/>
        <source>Оприлюднити</source>
        <translation>Publish</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="33"/>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="54"/>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="48"/>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="57"/>
        <location filename="../../ui/dialogs/user_dialogs.py" line="33"/>
        <location filename="../../ui/workers.py" line="58"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="516"/>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="390"/>
        <source>Гаразд</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="51"/>
        <source>Зберегти PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="52"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="61"/>
        <source>Звіт PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="67"/>
        <source>Звіт збережено: %1</source>
        <translation>Report saved: %1</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="245"/>
        <source>Фракції, округи й комісії</source>
        <translation>Factions, districts and committees</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="254"/>
        <source>Фракції</source>
        <translation>Factions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="255"/>
        <source>Округи</source>
        <translation>Districts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="256"/>
        <source>Комісії</source>
        <translation>Committees</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="262"/>
        <source>Додати…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="262"/>
        <source>Змінити…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="262"/>
        <source>Видалити</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="273"/>
        <source>Закрити</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="285"/>
        <source>%1 — депутатів: %2</source>
        <translation>%1 — deputies: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="288"/>
        <source>%1 — членів: %2</source>
        <translation>%1 — members: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="321"/>
        <source>без номера</source>
        <translation>no number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="324"/>
        <source>Назва:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="326"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="328"/>
        <source>Скорочено:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="329"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="336"/>
        <source>Нова фракція</source>
        <translation>New faction</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="346"/>
        <source>Фракція</source>
        <translation>Faction</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="353"/>
        <source>Видалити фракцію «%1»?</source>
        <translation>Delete faction “%1”?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="357"/>
        <source>Новий округ</source>
        <translation>New district</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="367"/>
        <source>Округ</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="384"/>
        <source>Видалити комісію «%1»?</source>
        <translation>Delete committee “%1”?</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>публічний</source>
        <translation>public</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>службовий</source>
        <translation>internal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="70"/>
        <source>Відкрити після збереження</source>
        <translation>Open after saving</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="72"/>
        <source>Сформувати PDF…</source>
        <translation>Create PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="81"/>
        <source>Звіти</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="82"/>
        <source>Публічні звіти не містять персональних даних громадян і готові до оприлюднення; службові — лише для працівників ради.</source>
        <translation>Public reports contain no personal data of residents and are ready for publication; internal ones are for council staff only.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="113"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="127"/>
        <source>Збережено: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="219"/>
        <source>Перерахувати</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="221"/>
        <source>Затвердити результати…</source>
        <translation>Approve results…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="224"/>
        <source>Скасувати затвердження…</source>
        <translation>Revoke approval…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="227"/>
        <source>Оголошення PDF…</source>
        <translation>Announcement PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="229"/>
        <source>Протокол PDF…</source>
        <translation>Count record PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="262"/>
        <source>Підрахунок результатів</source>
        <translation>Counting results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="269"/>
        <source>Результати затверджено %1 (%2).</source>
        <translation>Results approved on %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="273"/>
        <source>Попередні результати за бюлетенями, введеними досі (%1). Їх буде затверджено після завершення голосування.</source>
        <translation>Preliminary results from the ballots entered so far (%1). They will be approved after voting closes.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="302"/>
        <source>Оберіть проєкт, щоб побачити пояснення рішення.</source>
        <translation>Select a project to see the reasoning behind the result.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="315"/>
        <source>Затвердити результати? Переможців буде позначено, бюлетені більше не прийматимуться, для переможців відкриється облік реалізації.</source>
        <translation>Approve the results? Winners will be marked, ballots will no longer be accepted, and implementation tracking will open for the winners.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="321"/>
        <source>Затвердження результатів</source>
        <translation>Approval of results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="327"/>
        <source>Результати затверджено.</source>
        <translation>Results approved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="334"/>
        <source>Скасувати затвердження</source>
        <translation>Revoke approval</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="335"/>
        <source>Чому затвердження результатів скасовується? Причина запишеться в журнал змін.</source>
        <translation>Why is the approval of the results being revoked? The reason will be recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="279"/>
        <source>Нічия</source>
        <translation>Tie-break</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="281"/>
        <source>Бюджет</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="283"/>
        <source>використано</source>
        <translation>used</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="283"/>
        <source>залишок</source>
        <translation>remaining</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="284"/>
        <source>переможців</source>
        <translation>winners</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="285"/>
        <source>виборців</source>
        <translation>voters</translation>
    </message>
</context>
<context>
    <name>RollCallDialog</name>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="35"/>
        <source>Поіменне голосування — питання %1</source>
        <translation>Roll-call vote — item %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="36"/>
        <source>Сесія №%1, %2. Питання %3: %4</source>
        <translation>Session No. %1, %2. Item %3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="53"/>
        <source>Голосування:</source>
        <translation>Vote:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="54"/>
        <source>Потрібно:</source>
        <translation>Required:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="63"/>
        <source>Клавіші: 1 — за, 2 — проти, 3 — утримався, 4 — не голосував, 5 — відсутній; ↑↓ — депутат; + або F2 — усі присутні «за»; Delete — очистити; Enter або Ctrl+S — зберегти.</source>
        <translation>Keys: 1 — for, 2 — against, 3 — abstained, 4 — did not vote, 5 — absent; ↑↓ — deputy; + or F2 — all present “for”; Delete — clear; Enter or Ctrl+S — save.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="69"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="70"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="93"/>
        <source>ПРИЙНЯТО</source>
        <translation>ADOPTED</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="93"/>
        <source>НЕ ПРИЙНЯТО</source>
        <translation>NOT ADOPTED</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="94"/>
        <source>За: %1 (потрібно %2 з %3) — %4. Проти: %5, утрималися: %6, не голосували: %7, відсутні: %8.</source>
        <translation>For: %1 (%2 of %3 required) — %4. Against: %5, abstained: %6, did not vote: %7, absent: %8.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="101"/>
        <source>Не введено: %1.</source>
        <translation>Not entered: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_dialog.py" line="117"/>
        <source>Не введено голос депутатів: %1.</source>
        <translation>No vote entered for deputies: %1.</translation>
    </message>
</context>
<context>
    <name>RollCallGrid</name>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="71"/>
        <source>(не зареєстр.)</source>
        <translation>(not registered)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="38"/>
        <source>Депутат</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="38"/>
        <source>Фракція</source>
        <translation>Faction</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="38"/>
        <source>1 за</source>
        <translation>1 for</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="39"/>
        <source>2 проти</source>
        <translation>2 against</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="39"/>
        <source>3 утрим.</source>
        <translation>3 abst.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="39"/>
        <source>4 не голос.</source>
        <translation>4 no vote</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/rollcall_grid.py" line="40"/>
        <source>5 відсутн.</source>
        <translation>5 absent</translation>
    </message>
</context>
<context>
    <name>RollCallImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="45"/>
        <source>Імпорт поіменного голосування</source>
        <translation>Import roll-call vote</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="46"/>
        <source>Питання %1: %2</source>
        <translation>Item %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="52"/>
        <source>Обрати файл…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="67"/>
        <source>Файл CSV або XLSX:</source>
        <translation>CSV or XLSX file:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="68"/>
        <source>Стовпець з депутатом:</source>
        <translation>Deputy column:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="69"/>
        <source>Стовпець з голосом:</source>
        <translation>Vote column:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="70"/>
        <source>Голосування:</source>
        <translation>Vote:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="80"/>
        <source>Імпортувати</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="83"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="89"/>
        <source>Перші рядки файлу:</source>
        <translation>First rows of the file:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="91"/>
        <source>Перевірка:</source>
        <translation>Check:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="98"/>
        <source>Файл голосування</source>
        <translation>Vote file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="99"/>
        <source>Таблиці (*.csv *.xlsx *.txt)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="146"/>
        <source>Файл не можна імпортувати: знайдено проблем — %1. Нічого не буде збережено, доки їх не виправлено.</source>
        <translation>The file cannot be imported: problems found — %1. Nothing will be saved until they are fixed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="154"/>
        <source>Усе гаразд: голосів — %1.</source>
        <translation>All correct: votes — %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rollcall_import_wizard.py" line="157"/>
        <source>Відсутні на сесії (додано як «відсутній»): %1</source>
        <translation>Absent from the session (added as “absent”): %1</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="98"/>
        <source>Резервні копії</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="99"/>
        <source>Обмін між ПК</source>
        <translation>Exchange between PCs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="100"/>
        <location filename="../../ui/pages/safety_page.py" line="562"/>
        <source>Відкриті дані</source>
        <translation>Open data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="105"/>
        <source>Тут з’являться підсумки виконаних дій.</source>
        <translation>Summaries of completed actions will appear here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="107"/>
        <source>Збереження даних</source>
        <translation>Data safety</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="116"/>
        <source>Програма сама робить копію бази щодня під час запуску, а також перед кожним імпортом і відновленням; зберігається кілька останніх копій кожного виду (див. Налаштування). Для захисту від втрати ПК зберігайте копію і на флешці — краще з паролем, бо в базі є персональні дані.</source>
        <translation>The program backs up the database every day at start-up, and before every import and restore; the last few backups of each kind are kept (see Settings). To guard against losing the PC, keep a backup on a USB stick as well — preferably with a password, as the database contains personal data.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="134"/>
        <source>без пароля — звичайний файл SQLite</source>
        <translation>no password — a plain SQLite file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="139"/>
        <source>Пароль для копії:</source>
        <translation>Backup password:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="140"/>
        <source>Пароль ще раз:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="141"/>
        <source>Записати копію в папку…</source>
        <translation>Write backup to folder…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="144"/>
        <source>Зробити автоматичну копію зараз</source>
        <translation>Make an automatic backup now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="147"/>
        <source>Відновити з файлу копії…</source>
        <translation>Restore from backup file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="150"/>
        <source>Відновити вибрану копію…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="153"/>
        <source>Відкрити папку копій</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="157"/>
        <source>Копія на флешку</source>
        <translation>Backup to USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="161"/>
        <source>Автоматичні копії на цьому ПК</source>
        <translation>Automatic backups on this PC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="173"/>
        <source>Спільну базу PostgreSQL копіює адміністратор сервера (pg_dump).</source>
        <translation>The shared PostgreSQL database is backed up by the server administrator (pg_dump).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="175"/>
        <source>Ваша роль не дозволяє робити і відновлювати копії.</source>
        <translation>Your role does not allow making or restoring backups.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="185"/>
        <source>Змінити назву ПК…</source>
        <translation>Rename PC…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="207"/>
        <source>напр. Бібліотека</source>
        <translation>e.g. Library</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="208"/>
        <source>усі записи (а не лише зміни)</source>
        <translation>all records (not just changes)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="212"/>
        <source>необов’язково</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="213"/>
        <source>Записати пакет…</source>
        <translation>Write package…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="216"/>
        <source>Імпортувати пакет…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="221"/>
        <source>Пакет для іншого ПК</source>
        <translation>Package for another PC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="223"/>
        <source>Для ПК:</source>
        <translation>For PC:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="225"/>
        <source>Пароль пакета:</source>
        <translation>Package password:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="259"/>
        <source>Залишити версію цього ПК</source>
        <translation>Keep this PC’s version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="262"/>
        <source>Прийняти версію іншого ПК</source>
        <translation>Accept the other PC’s version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="267"/>
        <source>Конфлікти: записи, змінені на обох ПК з часу останнього обміну</source>
        <translation>Conflicts: records changed on both PCs since the last exchange</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="294"/>
        <source>Пакет відкритих даних — папка для сайту ради: сторінка index.html, усі публічні звіти PDF, набори даних CSV і XLSX, Popolo JSON і файли Pabulib, опис manifest.json. Перед записом програма перевіряє кожен файл на персональні дані (адреси, телефони, e-mail, дати народження, номери документів, хеші виборців) і зупиняється, якщо щось знайде.</source>
        <translation>The open data package is a folder for the council’s website: an index.html page, all public PDF reports, CSV and XLSX datasets, Popolo JSON and Pabulib files, and a manifest.json description. Before writing, the program checks every file for personal data (addresses, phone numbers, emails, dates of birth, document numbers, voter hashes) and stops if it finds any.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="299"/>
        <source>Підготувати пакет відкритих даних…</source>
        <translation>Prepare open data package…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="319"/>
        <source>Цей ПК для обміну: «%1»</source>
        <translation>This PC for exchange: “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="320"/>
        <source>Цей ПК ще не обмінювався пакетами.</source>
        <translation>This PC has not exchanged any packages yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="350"/>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="357"/>
        <source>Паролі не збігаються.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="359"/>
        <source>Куди записати копію</source>
        <translation>Where to write the backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="365"/>
        <source>Резервна копія</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="373"/>
        <source>Копію записано: %1</source>
        <translation>Backup written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="374"/>
        <source>Розмір: %1; записів: %2</source>
        <translation>Size: %1; records: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="376"/>
        <source>Захищено паролем.</source>
        <translation>Password-protected.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="376"/>
        <source>Без пароля.</source>
        <translation>No password.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="385"/>
        <source>Копію збережено: %1</source>
        <translation>Backup saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="395"/>
        <source>Файл резервної копії</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="396"/>
        <source>Копії Hromada Desk (*.sqlite3 *.hdbackup);;Усі файли (*)</source>
        <translation>Hromada Desk backups (*.sqlite3 *.hdbackup);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="403"/>
        <source>Виберіть копію в таблиці.</source>
        <translation>Select a backup in the table.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="409"/>
        <location filename="../../ui/pages/safety_page.py" line="433"/>
        <source>Відновлення бази</source>
        <translation>Database restore</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="410"/>
        <source>Замінити всі записи цієї бази вмістом копії (поточну базу буде збережено окремо)</source>
        <translation>Replace all records in this database with the backup’s contents (the current database will be saved separately)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="411"/>
        <source>Так, це копія іншої ради — замінити все</source>
        <translation>Yes, this is another council’s backup — replace everything</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="416"/>
        <source>Копію захищено паролем</source>
        <translation>The backup is password-protected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="421"/>
        <source>Перевірка копії</source>
        <translation>Checking the backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="427"/>
        <source>Цю копію не можна відновити:</source>
        <translation>This backup cannot be restored:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="439"/>
        <source>Базу відновлено з копії %1.</source>
        <translation>Database restored from backup %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="441"/>
        <source>Попередню базу збережено: %1</source>
        <translation>Previous database saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="450"/>
        <source>Назва ПК</source>
        <translation>PC name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="450"/>
        <source>Як цей ПК бачать партнери:</source>
        <translation>How partners see this PC:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="464"/>
        <source>Вкажіть, для якого ПК пакет (наприклад, «Бібліотека»).</source>
        <translation>Specify which PC the package is for (for example, “Library”).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="466"/>
        <source>Куди записати пакет</source>
        <translation>Where to write the package</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="474"/>
        <location filename="../../ui/pages/safety_page.py" line="488"/>
        <source>Пакет обміну</source>
        <translation>Exchange package</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="480"/>
        <source>Пакет №%1 для «%2» записано: %3</source>
        <translation>Package No. %1 for “%2” written: %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="482"/>
        <source>Записів: %1, вилучень: %2.</source>
        <translation>Records: %1, deletions: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="489"/>
        <source>Пакети обміну (*.hdx);;Усі файли (*)</source>
        <translation>Exchange packages (*.hdx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="494"/>
        <location filename="../../ui/pages/safety_page.py" line="515"/>
        <source>Імпорт пакета</source>
        <translation>Import package</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="495"/>
        <source>Імпортувати ці записи (перед імпортом буде зроблено копію бази)</source>
        <translation>Import these records (the database will be backed up first)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="500"/>
        <source>Пакет захищено паролем</source>
        <translation>The package is password-protected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="504"/>
        <source>Перевірка пакета</source>
        <translation>Checking the package</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="538"/>
        <source>Виберіть конфлікт у таблиці.</source>
        <translation>Select a conflict in the table.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="547"/>
        <source>Конфлікт вирішено: %1.</source>
        <translation>Conflict resolved: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="548"/>
        <source>залишено версію цього ПК</source>
        <translation>kept this PC’s version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="548"/>
        <source>прийнято версію іншого ПК</source>
        <translation>accepted the other PC’s version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="555"/>
        <source>Папка для пакета відкритих даних</source>
        <translation>Folder for the open data package</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="568"/>
        <source>Пакет відкритих даних записано: %1</source>
        <translation>Open data package written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="569"/>
        <source>Звітів PDF: %1, наборів даних: %2, усього файлів: %3; перевірено на персональні дані.</source>
        <translation>PDF reports: %1, datasets: %2, files in total: %3; checked for personal data.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/safety_page.py" line="572"/>
        <source>Не включено: %1</source>
        <translation>Not included: %1</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="36"/>
        <source>Сесія ради</source>
        <translation>Council session</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="47"/>
        <source>Номер сесії:</source>
        <translation>Session number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="48"/>
        <source>Дата:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="49"/>
        <source>Вид:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="50"/>
        <source>Місце:</source>
        <translation>Venue:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="51"/>
        <source>Примітки:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/session_dialogs.py" line="52"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="76"/>
        <source>%1 з %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="116"/>
        <source>Нова сесія…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="121"/>
        <source>Рік:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="142"/>
        <source>Сесії ради</source>
        <translation>Council sessions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="169"/>
        <source>Змінити сесію…</source>
        <translation>Edit session…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="170"/>
        <source>Видалити сесію</source>
        <translation>Delete session</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="172"/>
        <source>Експорт голосувань…</source>
        <translation>Export votes…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="174"/>
        <source>Результати сесії (PDF)…</source>
        <translation>Session results (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="188"/>
        <source>Додати питання…</source>
        <translation>Add item…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="189"/>
        <source>Змінити…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="190"/>
        <source>Видалити</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="193"/>
        <source>Голосувати (клавіатура)…</source>
        <translation>Vote (keyboard)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="194"/>
        <source>Імпорт голосування…</source>
        <translation>Import vote…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="196"/>
        <source>Рішення…</source>
        <translation>Decision…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="207"/>
        <source>Виправити голосування…</source>
        <translation>Correct vote…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="208"/>
        <source>Видалити голосування</source>
        <translation>Delete vote</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="218"/>
        <source>Поіменні голосування з питання:</source>
        <translation>Roll-call votes on the item:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="238"/>
        <source>Депутат</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="238"/>
        <source>Фракція</source>
        <translation>Faction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="238"/>
        <source>Присутність</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="239"/>
        <source>Причина відсутності</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="246"/>
        <source>Усі присутні</source>
        <translation>All present</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="247"/>
        <source>Зберегти реєстрацію</source>
        <translation>Save registration</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="259"/>
        <source>Відкрити PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="260"/>
        <source>Видалити рішення</source>
        <translation>Delete decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="263"/>
        <source>Пошук рішень за номером чи назвою (усі сесії)…</source>
        <translation>Search decisions by number or title (all sessions)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="274"/>
        <source>Порядок денний і голосування</source>
        <translation>Agenda and votes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="275"/>
        <source>Реєстрація депутатів</source>
        <translation>Deputy registration</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="276"/>
        <source>Рішення</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="295"/>
        <source>усі</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="330"/>
        <source>Сесій ще немає: додайте першу</source>
        <translation>No sessions yet: add the first one</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="338"/>
        <source>%1-а %2 сесія, %3</source>
        <translation>Session %1 (%2), %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="395"/>
        <source>— не позначено —</source>
        <translation>— not marked —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="422"/>
        <source>Присутні: %1 з %2; не позначено: %3</source>
        <translation>Present: %1 of %2; not marked: %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="455"/>
        <source>Видалити сесію №%1?</source>
        <translation>Delete session No. %1?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="477"/>
        <source>Видалити питання №%1?</source>
        <translation>Delete item No. %1?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="489"/>
        <location filename="../../ui/pages/sessions_page.py" line="518"/>
        <source>Оберіть питання порядку денного.</source>
        <translation>Select an agenda item.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="505"/>
        <source>Видалити голосування «%1»?</source>
        <translation>Delete vote “%1”?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="550"/>
        <source>Видалити рішення №%1?</source>
        <translation>Delete decision No. %1?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="574"/>
        <source>Реєстрацію збережено.</source>
        <translation>Registration saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="583"/>
        <location filename="../../ui/pages/sessions_page.py" line="593"/>
        <source>Результати сесії</source>
        <translation>Session results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="585"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="600"/>
        <source>Збережено: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="607"/>
        <source>Експорт поіменних голосувань</source>
        <translation>Export roll-call votes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="609"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sessions_page.py" line="618"/>
        <source>Вивантажено голосів: %1</source>
        <translation>Votes exported: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="48"/>
        <source>Зберегти профіль</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="52"/>
        <source>Профіль ради</source>
        <translation>Council profile</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="57"/>
        <source>Правила громади</source>
        <translation>Hromada rules</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="77"/>
        <source>Зберегти правила</source>
        <translation>Save rules</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="89"/>
        <source>Інтерфейс</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="91"/>
        <source>Мова інтерфейсу:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="98"/>
        <source>Налаштування</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="139"/>
        <source>Профіль ради збережено.</source>
        <translation>Council profile saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="157"/>
        <source>Правила громади збережено.</source>
        <translation>Hromada rules saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="164"/>
        <source>Мову буде змінено після перезапуску програми.</source>
        <translation>The language will change after the program is restarted.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="29"/>
        <source>Початкове налаштування — Hromada Desk</source>
        <translation>Initial setup — Hromada Desk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="31"/>
        <source>Вітаємо! Ця база даних порожня. Заповніть профіль ради — його можна буде змінити пізніше в Налаштуваннях — і створіть обліковий запис адміністратора.</source>
        <translation>Welcome! This database is empty. Fill in the council profile — you can change it later in Settings — and create an administrator account.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="35"/>
        <source>Профіль ради</source>
        <translation>Council profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="38"/>
        <source>Адміністратор</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="50"/>
        <source>Ім’я користувача:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="51"/>
        <source>Прізвище та ім’я:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="52"/>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="53"/>
        <source>Пароль ще раз:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="56"/>
        <source>Зберегти і почати</source>
        <translation>Save and start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup_dialog.py" line="57"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignatureEntry</name>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="126"/>
        <source>Прізвище, ім’я, по батькові</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="129"/>
        <source>Адреса (не оприлюднюється)</source>
        <translation>Address (not published)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="132"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="139"/>
        <source>Записати (Enter)</source>
        <translation>Record (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="177"/>
        <source>Підписи під цією петицією вже не збирають.</source>
        <translation>Signatures are no longer being collected for this petition.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="179"/>
        <source>Ваша роль не дозволяє вводити підписи.</source>
        <translation>Your role does not allow entering signatures.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="195"/>
        <source>⚠ «%1» вже підписав(ла) цю петицію %2 (%3).</source>
        <translation>⚠ “%1” already signed this petition on %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_page.py" line="219"/>
        <source>✔ Записано підпис №%1: %2</source>
        <translation>✔ Signature No. %1 recorded: %2</translation>
    </message>
</context>
<context>
    <name>SignatureImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="268"/>
        <source>Імпорт підписів під петицією №%1</source>
        <translation>Import signatures for petition No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="269"/>
        <source>Файл не вибрано</source>
        <translation>No file selected</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="271"/>
        <source>Вибрати файл…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="284"/>
        <source>Файл CSV або XLSX:</source>
        <translation>CSV or XLSX file:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="285"/>
        <source>Дата для рядків без дати:</source>
        <translation>Date for rows without a date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="286"/>
        <source>Спосіб для рядків без нього:</source>
        <translation>Method for rows without one:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="288"/>
        <source>Стовпці розпізнаються за заголовками: «ПІБ» (або «Прізвище», «Ім’я», «По батькові»), «Адреса», «Телефон», «Дата», «Спосіб». Імпортуються всі рядки або жоден: виправте відхилені рядки у файлі й перевірте ще раз.</source>
        <translation>Columns are recognised by their headers: “Name” (or “Surname”, “First name”, “Patronymic”), “Address”, “Phone”, “Date”, “Channel” (Ukrainian headers work too). Either all rows are imported or none: correct the rejected rows in the file and check again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="301"/>
        <source>Імпортувати</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="315"/>
        <source>Файл із підписами</source>
        <translation>Signature file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="316"/>
        <source>Таблиці (*.csv *.xlsx);;Усі файли (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="346"/>
        <source>Рядків: %1. Усі можна імпортувати; після імпорту підписів буде %2 з %3.</source>
        <translation>Rows: %1. All can be imported; after the import there will be %2 of %3 signatures.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="352"/>
        <source>Рядків: %1, відхилено: %2 (позначено червоним). Імпорт неможливий, доки їх не виправлено: жодного підпису не буде записано.</source>
        <translation>Rows: %1, rejected: %2 (marked in red). Import is not possible until they are fixed: no signatures will be recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="368"/>
        <source>Імпорт підписів</source>
        <translation>Import signatures</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="337"/>
        <source>Перевірка файлу</source>
        <translation>Checking the file</translation>
    </message>
</context>
<context>
    <name>ThisPcSection</name>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="32"/>
        <source>Цей комп’ютер</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="38"/>
        <source>Зараз відкрито: %1</source>
        <translation>Currently open: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="43"/>
        <source>порожньо — файл на цьому комп’ютері; або postgresql://користувач@сервер/база</source>
        <translation>empty — a file on this computer; or postgresql://user@server/database</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="45"/>
        <source>Перевірити</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="49"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="62"/>
        <source>Спільна база PostgreSQL дає змогу працювати з кількох комп’ютерів одночасно. Нова адреса діє після перезапуску програми; перенести наявні записи: hromada migrate-db --from ФАЙЛ --to АДРЕСА. Пароль, записаний в адресі, зберігається на цьому комп’ютері відкрито.</source>
        <translation>A shared PostgreSQL database lets several computers work at the same time. A new address takes effect after the program is restarted; to move existing records: hromada migrate-db --from FILE --to ADDRESS. A password written in the address is stored unencrypted on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="68"/>
        <source>Відкривати програму одразу від імені:</source>
        <translation>Open the program directly as:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="83"/>
        <source>Без пароля: будь-хто за цим комп’ютером працюватиме від імені обраного користувача. Вмикайте лише на комп’ютері, до якого мають доступ тільки свої (наприклад, пункт голосування).</source>
        <translation>No password: anyone at this computer will work as the selected user. Enable this only on a computer that only trusted staff can access (for example, a voting point).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="89"/>
        <source>Адреса бази даних:</source>
        <translation>Database address:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="121"/>
        <source>Адресу бази даних збережено; вона діятиме після перезапуску програми.</source>
        <translation>Database address saved; it will take effect after the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="122"/>
        <source>Після перезапуску програма відкриє файл бази даних на цьому комп’ютері.</source>
        <translation>After a restart the program will open the database file on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="130"/>
        <source>Цей комп’ютер відкриватиме програму від імені «%1».</source>
        <translation>This computer will open the program as “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/this_pc_section.py" line="132"/>
        <source>Під час запуску програма питатиме користувача і пароль.</source>
        <translation>At start-up the program will ask for a username and password.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="47"/>
        <source>Новий користувач</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="48"/>
        <source>Користувач «%1»</source>
        <translation>User “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="61"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="69"/>
        <source>Ім’я для входу:</source>
        <translation>Login name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="70"/>
        <source>Прізвище та ім’я:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="71"/>
        <source>Роль:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="72"/>
        <source>Пункт голосування:</source>
        <translation>Voting point:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="77"/>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="78"/>
        <source>Пароль ще раз:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="85"/>
        <source>Зберегти</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="97"/>
        <source>Усе, зокрема налаштування, користувачі, резервні копії та відновлення.</source>
        <translation>Everything, including settings, users, backups and restore.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="98"/>
        <source>Усі записи і звіти; без користувачів, налаштувань ради і резервних копій.</source>
        <translation>All records and reports; no users, council settings or backups.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="99"/>
        <source>Лише введення бюлетенів і підписів на своєму пункті голосування.</source>
        <translation>Entering ballots and signatures at their own voting point only.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="100"/>
        <source>Лише перегляд записів і звітів.</source>
        <translation>Viewing records and reports only.</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <location filename="../../ui/pages/users_section.py" line="22"/>
        <source>Користувачі</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="28"/>
        <source>Ви увійшли як %1 («%2»), %3.</source>
        <translation>You are logged in as %1 (“%2”), %3.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="31"/>
        <source>Змінити мій пароль…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="64"/>
        <source>Додати…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="67"/>
        <source>Змінити…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="70"/>
        <location filename="../../ui/pages/users_section.py" line="143"/>
        <source>Вимкнути</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="73"/>
        <source>Новий пароль…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="76"/>
        <source>Розблокувати</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="83"/>
        <source>Користувачів не видаляють: вимкнений користувач не може увійти, а його дії лишаються в журналі змін.</source>
        <translation>Users are not deleted: a disabled user cannot log in, and their actions remain in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="94"/>
        <source>вимкнено</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="96"/>
        <source>заблоковано до %1</source>
        <translation>locked until %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="98"/>
        <source>пароль не задано</source>
        <translation>no password set</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="99"/>
        <source>активний</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="142"/>
        <source>Увімкнути</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="153"/>
        <source>Користувача «%1» додано.</source>
        <translation>User “%1” added.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="162"/>
        <source>Зміни збережено.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="169"/>
        <source>Вимкнути користувача «%1»? Він не зможе увійти; його дії лишаться в журналі змін.</source>
        <translation>Disable user “%1”? They will not be able to log in; their actions will remain in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="177"/>
        <source>Користувача «%1» увімкнено.</source>
        <translation>User “%1” enabled.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="178"/>
        <source>Користувача «%1» вимкнено.</source>
        <translation>User “%1” disabled.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="185"/>
        <source>Пароль користувача «%1» змінено.</source>
        <translation>Password for user “%1” changed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="196"/>
        <source>Користувача «%1» розблоковано.</source>
        <translation>User “%1” unlocked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/users_section.py" line="200"/>
        <source>Ваш пароль змінено.</source>
        <translation>Your password has been changed.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/dialogs/appeal_dialogs.py" line="33"/>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="54"/>
        <location filename="../../ui/dialogs/deputy_dialogs.py" line="48"/>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="57"/>
        <location filename="../../ui/dialogs/user_dialogs.py" line="33"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/budget_dialogs.py" line="516"/>
        <location filename="../../ui/dialogs/petition_dialogs.py" line="390"/>
        <source>Гаразд</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/workers.py" line="58"/>
        <source>Скасувати</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="51"/>
        <source>Зберегти PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="52"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="61"/>
        <source>Звіт PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget_results_view.py" line="67"/>
        <source>Звіт збережено: %1</source>
        <translation>Report saved: %1</translation>
    </message>
</context>
</TS>
