<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="32"/>
        <source>O programie Klaster</source>
        <translation>About Klaster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="36"/>
        <source>Przygotowanie wniosku o nadanie lub odnowienie statusu Krajowego Klastra Kluczowego: kreator, kontrola kompletności, wydruk i załączniki.</source>
        <translation>Preparing an application for granting or renewing the status of a National Key Cluster (Krajowy Klaster Kluczowy): wizard, completeness checks, printout and attachments.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="42"/>
        <source>Wersja</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="44"/>
        <source>Baza danych</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="47"/>
        <source>Folder dziennika</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="50"/>
        <source>Ustawienia</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="53"/>
        <source>Środowisko</source>
        <translation>Environment</translation>
    </message>
</context>
<context>
    <name>ApplicationActions</name>
    <message>
        <location filename="../../ui/start/actions.py" line="64"/>
        <source>wniosek-{id}</source>
        <translation>application-{id}</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="126"/>
        <source>Nie można utworzyć wniosku</source>
        <translation>Cannot create the application</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="144"/>
        <source>Nie można zduplikować wniosku</source>
        <translation>Cannot duplicate the application</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="147"/>
        <source>Utworzono kopię wniosku „{name}”.</source>
        <translation>A copy of “{name}” was created.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="163"/>
        <location filename="../../ui/start/actions.py" line="184"/>
        <location filename="../../ui/start/actions.py" line="253"/>
        <source>(bez nazwy)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="188"/>
        <source>Utworzyć wniosek o odnowienie statusu na podstawie wniosku „{name}”?

Zostaną przeniesione: dane klastra, koordynatora i osoby do kontaktu, rejestr członków, zasoby ludzkie oraz opisy. Rok odniesienia, dane finansowe, tabele pozostałych obszarów, załączniki, oświadczenia i podpis trzeba uzupełnić na nowo.</source>
        <translation>Create an application for renewal of the status based on “{name}”?

Carried over: the cluster, coordinator and contact person data, the member register, human resources and the descriptions. The reference year, financial data, the tables of the other areas, attachments, declarations and signature must be filled in again.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="193"/>
        <source>Odnowienie statusu</source>
        <translation>Renewal of status</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="194"/>
        <location filename="../../ui/start/actions.py" line="231"/>
        <source>Utwórz odnowienie</source>
        <translation>Create renewal</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="112"/>
        <location filename="../../ui/start/actions.py" line="200"/>
        <location filename="../../ui/start/actions.py" line="238"/>
        <source>Nie można utworzyć odnowienia</source>
        <translation>Cannot create the renewal</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="204"/>
        <source>Utworzono wniosek o odnowienie statusu.</source>
        <translation>An application for renewal was created.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="257"/>
        <location filename="../../ui/start/actions.py" line="270"/>
        <source>Usuwanie wniosku</source>
        <translation>Deleting an application</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="258"/>
        <source>Wniosek „{name}” jest otwarty. Zamknij jego okno i spróbuj ponownie.</source>
        <translation>The application “{name}” is open. Close its window and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="161"/>
        <location filename="../../ui/start/actions.py" line="268"/>
        <source>sfinalizowany</source>
        <translation>finalised</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="43"/>
        <source>Raport odnowienia</source>
        <translation>Renewal report</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="46"/>
        <source>Przeniesiono: {carried}, pod innym kluczem lub uzupełniono: {mapped}, nie przeniesiono: {dropped}, nowe wymagane pozycje: {required}. Szczegóły poniżej (PDF: main.py renew ID --round R --pdf PLIK).</source>
        <translation>Carried over: {carried}, under another key or completed: {mapped}, not carried: {dropped}, newly required: {required}. Details below (PDF: main.py renew ID --round R --pdf FILE).</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="161"/>
        <location filename="../../ui/start/actions.py" line="268"/>
        <source>roboczy</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="224"/>
        <source>Utworzyć wniosek o odnowienie statusu w rundzie {new} na podstawie wniosku „{name}” (runda {old})?

Status trwa trzy lata, więc odnowienie składa się na formularzu rundy otwartej teraz. Program przeniesie wszystko, co ma swoje miejsce w nowym formularzu; czego nie da się przenieść (np. pozycje listy KIS z innej listy, dane członków za poprzedni rok odniesienia, oświadczenia i podpis), wypisze w raporcie razem z dotychczasową treścią.</source>
        <translation>Create an application for renewal of the status in round {new} based on “{name}” (round {old})?

The status lasts three years, so a renewal is filed on the form of the round open now. The program carries over everything that has its place in the new form; what cannot be carried (e.g. items of another KIS list, the members&apos; figures for the previous reference year, declarations and signature) is listed in the report with the earlier content.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="231"/>
        <source>Odnowienie w nowej rundzie</source>
        <translation>Renewal in the new round</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="242"/>
        <source>Utworzono wniosek o odnowienie statusu w rundzie {new}.</source>
        <translation>An application for renewal in round {new} was created.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="262"/>
        <source>Usunąć wniosek „{name}” (wersja {version}, {state})?

Przed usunięciem program zapisze kopię zapasową bazy (Plik › Kopie zapasowe…), więc wniosek będzie można odzyskać.</source>
        <translation>Delete the application “{name}” (version {version}, {state})?

Before deleting, the program saves a backup of the database (File › Backups…), so the application can be recovered.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="270"/>
        <source>Usuń</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="275"/>
        <source>Nie można usunąć wniosku</source>
        <translation>Cannot delete the application</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="278"/>
        <source>Usunięto wniosek „{name}”.</source>
        <translation>The application “{name}” was deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="290"/>
        <source>Importuj wniosek</source>
        <translation>Import an application</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="291"/>
        <source>Wniosek KKK (*.kkk.json *.json);;Wszystkie pliki (*)</source>
        <translation>KKK application (*.kkk.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="295"/>
        <source>Nie można zaimportować pliku</source>
        <translation>Cannot import the file</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="302"/>
        <source>Plik {file} nie został zaimportowany; baza pozostała bez zmian.

{lines}</source>
        <translation>The file {file} was not imported; the database is unchanged.

{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="306"/>
        <source>…i {n} innych problemów.</source>
        <translation>…and {n} more problems.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="321"/>
        <source>Zaimportowano plik {file}.</source>
        <translation>Imported {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="335"/>
        <source>Eksportuj wniosek</source>
        <translation>Export the application</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="337"/>
        <source>Wniosek KKK (*.kkk.json)</source>
        <translation>KKK application (*.kkk.json)</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="349"/>
        <location filename="../../ui/start/actions.py" line="354"/>
        <source>Nie można zapisać pliku</source>
        <translation>Cannot save the file</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="350"/>
        <source>Nie można zapisać pliku {file} ({why}).</source>
        <translation>Cannot save the file {file} ({why}).</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="356"/>
        <source>Zapisano {file}.</source>
        <translation>Saved {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/start/actions.py" line="162"/>
        <source>{name} (konkurs {year}, wersja {version}, {state})</source>
        <translation>{name} (round {year}, version {version}, {state})</translation>
    </message>
</context>
<context>
    <name>ApplicationTable</name>
    <message>
        <location filename="../../ui/start/table.py" line="94"/>
        <source>Nazwa</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="95"/>
        <source>Runda</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="96"/>
        <source>Rodzaj</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="97"/>
        <source>Stan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="98"/>
        <source>Wersja</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="99"/>
        <source>Kompletność</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="100"/>
        <source>Ostatni zapis</source>
        <translation>Last saved</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="143"/>
        <source>Nieznana runda: {id}</source>
        <translation>Unknown round: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="144"/>
        <source>konkurs {year}</source>
        <translation>round {year}</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="149"/>
        <source>(bez nazwy)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="159"/>
        <source>odnowienie</source>
        <translation>renewal</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="159"/>
        <source>nadanie</source>
        <translation>grant</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="160"/>
        <source>sfinalizowany</source>
        <translation>finalised</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="160"/>
        <source>roboczy</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/start/table.py" line="162"/>
        <source>Suma kontrolna: {sum}</source>
        <translation>Checksum: {sum}</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="36"/>
        <source>Wybierz pliki załączników</source>
        <translation>Choose attachment files</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="38"/>
        <source>Dokumenty (*.pdf *.docx *.doc *.odt *.xlsx *.jpg *.png);;Wszystkie pliki (*)</source>
        <translation>Documents (*.pdf *.docx *.doc *.odt *.xlsx *.jpg *.png);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="46"/>
        <source>Załączniki</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="87"/>
        <source>{file}: plik ma {size} MB, najwyżej {limit} MB</source>
        <translation>{file}: the file has {size} MB; at most {limit} MB is allowed</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="95"/>
        <source>{file}: nie można odczytać pliku ({why})</source>
        <translation>{file}: cannot read the file ({why})</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="110"/>
        <source>Nie dodano:</source>
        <translation>Not added:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="58"/>
        <source>Dodaj p&amp;lik…</source>
        <translation>&amp;Add file…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/attachments_page.py" line="60"/>
        <source>Wybierz pliki z dysku: każdy trafia do bazy wniosku, a jego skrót SHA-256 liczy program.</source>
        <translation>Choose files on disk: each is kept in the application&apos;s database, and the program computes its SHA-256 hash.</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../ui/background.py" line="82"/>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/background.py" line="84"/>
        <source>Proszę czekać</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>BoolEditor</name>
    <message>
        <location filename="../../ui/editors/choice.py" line="130"/>
        <source>tak</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <location filename="../../ui/tables/delegates.py" line="54"/>
        <source>dd.mm.rrrr</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../ui/tables/delegates.py" line="56"/>
        <source>0,00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <location filename="../../ui/tables/delegates.py" line="58"/>
        <source>0,0</source>
        <translation>0.0</translation>
    </message>
    <message>
        <location filename="../../ui/tables/delegates.py" line="60"/>
        <source>rrrr</source>
        <translation>yyyy</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../ui/editors/choice.py" line="18"/>
        <source>— wybierz —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/team_connect.py" line="53"/>
        <source>Połącz z bazą zespołu</source>
        <translation>Connect to the team database</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="56"/>
        <source>(nowe połączenie)</source>
        <translation>(new connection)</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="60"/>
        <source>&amp;Zapisane:</source>
        <translation>&amp;Saved:</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="69"/>
        <source>Zapamiętaj hasło w systemowym magazynie haseł</source>
        <translation>Remember the password in the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="72"/>
        <source>&amp;Serwer:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="73"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="74"/>
        <source>&amp;Baza:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="75"/>
        <source>&amp;Użytkownik:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="76"/>
        <source>&amp;Hasło:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="78"/>
        <source>S&amp;zyfrowanie (sslmode):</source>
        <translation>&amp;Encryption (sslmode):</translation>
    </message>
</context>
<context>
    <name>DatabaseSwitcher</name>
    <message>
        <location filename="../../ui/start/databases.py" line="33"/>
        <source>(brak)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/start/databases.py" line="43"/>
        <source>Otwórz bazę</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <location filename="../../ui/start/databases.py" line="44"/>
        <source>Baza programu Klaster (*.sqlite *.db);;Wszystkie pliki (*)</source>
        <translation>Klaster database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/start/databases.py" line="53"/>
        <source>Nie można otworzyć bazy</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../ui/start/databases.py" line="57"/>
        <source>Zamknij najpierw otwarte okna wniosków.</source>
        <translation>Close the open application windows first.</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../ui/editors/date.py" line="23"/>
        <source>dd.mm.rrrr</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../ui/editors/date.py" line="28"/>
        <source>Wybierz datę z kalendarza</source>
        <translation>Pick a date from the calendar</translation>
    </message>
    <message>
        <location filename="../../ui/editors/date.py" line="56"/>
        <source>&apos;{text}&apos; nie jest datą (oczekiwano dd.mm.rrrr)</source>
        <translation>&apos;{text}&apos; is not a date (expected yyyy-mm-dd or dd.mm.yyyy)</translation>
    </message>
</context>
<context>
    <name>EmptyRegister</name>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="30"/>
        <source>Rejestr członków jest jeszcze pusty. Można go wypełnić na dwa sposoby:</source>
        <translation>The member register is still empty. There are two ways to fill it:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="37"/>
        <source>&lt;b&gt;1. Wpisać członków w tabeli&lt;/b&gt; — każdy członek to jeden wiersz; w komórce zaczyna się pisać od razu, Tab przechodzi do następnej. Wiersze skopiowane z arkusza wkleja Ctrl+V.&lt;br&gt;&lt;b&gt;2. Zaimportować rejestr z Excela&lt;/b&gt; — z szablonu Klastra albo z własnego arkusza z kolumnami rejestru; przed wczytaniem program pokaże, co doda, a czego nie może odczytać.</source>
        <translation>&lt;b&gt;1. Type the members into the table&lt;/b&gt; — one row per member; typing in a cell starts at once, Tab moves to the next one. Rows copied from a spreadsheet are pasted with Ctrl+V.&lt;br&gt;&lt;b&gt;2. Import the register from Excel&lt;/b&gt; — from Klaster&apos;s template or your own sheet with the register&apos;s columns; before reading it the program shows what it will add and what it cannot read.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="46"/>
        <source>Wpisz pierwszego członka</source>
        <translation>Type in the first member</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="47"/>
        <source>Dodaje pusty wiersz i otwiera jego pierwszą komórkę (Ctrl+Insert)</source>
        <translation>Adds an empty row and opens its first cell (Ctrl+Insert)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="48"/>
        <source>Importuj z Excela…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="49"/>
        <source>Wczytaj rejestr członków z pliku .xlsx (także Edycja › Importuj…)</source>
        <translation>Read the member register from an .xlsx file (also Edit › Import…)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="50"/>
        <source>Zapisz szablon Excela…</source>
        <translation>Save Excel template…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="51"/>
        <source>Pusty arkusz z kolumnami rejestru do wypełnienia i zaimportowania</source>
        <translation>An empty sheet with the register&apos;s columns, to fill in and import</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="81"/>
        <source>Szablon rejestru członków</source>
        <translation>Member register template</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="82"/>
        <source>rejestr-czlonkow.xlsx</source>
        <translation>member-register.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="88"/>
        <source>Nie można zapisać pliku: {reason}</source>
        <translation>Cannot save the file: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/members_empty.py" line="92"/>
        <source>Zapisano szablon: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <location filename="../../ui/dialogs/find.py" line="84"/>
        <source>Znajdź we wniosku</source>
        <translation>Find in the application</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/find.py" line="86"/>
        <source>Szukany tekst (wielkość liter i polskie znaki bez znaczenia)</source>
        <translation>Text to find (case and Polish letters do not matter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/find.py" line="88"/>
        <source>&amp;Szukaj:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/find.py" line="91"/>
        <source>Miejsce</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/find.py" line="91"/>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/find.py" line="118"/>
        <source>Znaleziono: {n}</source>
        <translation>Found: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/find.py" line="72"/>
        <source>wiersz {n}</source>
        <translation>row {n}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history_view.py" line="43"/>
        <source>Historia zmian</source>
        <translation>History of changes</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="47"/>
        <source>wszyscy</source>
        <translation>everyone</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="51"/>
        <source>wszystkie części</source>
        <translation>all parts</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="62"/>
        <source>&amp;Osoba:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="63"/>
        <source>&amp;Część:</source>
        <translation>P&amp;art:</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="64"/>
        <source>&amp;Od:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../ui/history_view.py" line="65"/>
        <source>&amp;Do:</source>
        <translation>&amp;To:</translation>
    </message>
</context>
<context>
    <name>IndicatorBars</name>
    <message>
        <location filename="../../ui/indicator_bars.py" line="104"/>
        <source>Klaster: {v}</source>
        <translation>Cluster: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="107"/>
        <source>Średnia KKK: {v}</source>
        <translation>KKK average: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="108"/>
        <source>średnia KKK {v}</source>
        <translation>KKK average {v}</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="117"/>
        <source>p.p.</source>
        <translation>pp</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="196"/>
        <source>Pasek: wartość klastra; pionowa kreska: średnia KKK</source>
        <translation>Bar: the cluster&apos;s value; vertical line: the KKK average</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_bars.py" line="101"/>
        <location filename="../../ui/indicator_bars.py" line="228"/>
        <source>brak danych</source>
        <translation>no data</translation>
    </message>
</context>
<context>
    <name>KlasterApp</name>
    <message>
        <location filename="../../ui/app.py" line="123"/>
        <source>(niedostępny)</source>
        <translation>(unavailable)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="124"/>
        <source>Wystąpił nieoczekiwany błąd ({error}). Zapisane dane są bezpieczne. Dziennik: {log}</source>
        <translation>An unexpected error occurred ({error}). Saved data is safe. Log: {log}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="137"/>
        <source>Klaster — błąd</source>
        <translation>Klaster — error</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="175"/>
        <source>Nie można zapisać pliku {path}.</source>
        <translation>Cannot save the file {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="345"/>
        <source>Przykładowy wniosek nie jest dostępny w tej wersji programu.</source>
        <translation>The demo application is not available in this version of the program.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="312"/>
        <source>Zapisano zrzuty ekranu: {n} w {folder}</source>
        <translation>Screenshots saved: {n} in {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="378"/>
        <source>Błąd: {error}</source>
        <translation>Error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="380"/>
        <source>Dziennik:</source>
        <translation>Log:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="383"/>
        <source>Nieoczekiwany błąd: {error}.</source>
        <translation>Unexpected error: {error}.</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <location filename="../../ui/editors/text.py" line="44"/>
        <source>np. 526-104-08-28</source>
        <translation>e.g. 526-104-08-28</translation>
    </message>
    <message>
        <location filename="../../ui/editors/text.py" line="45"/>
        <source>9 albo 14 cyfr</source>
        <translation>9 or 14 digits</translation>
    </message>
    <message>
        <location filename="../../ui/editors/text.py" line="46"/>
        <source>np. 0000123456</source>
        <translation>e.g. 0000123456</translation>
    </message>
    <message>
        <location filename="../../ui/editors/text.py" line="48"/>
        <source>nazwa@domena.pl</source>
        <translation>name@domain.pl</translation>
    </message>
    <message>
        <location filename="../../ui/editors/text.py" line="49"/>
        <source>https://www.przyklad.pl</source>
        <translation>https://www.example.pl</translation>
    </message>
</context>
<context>
    <name>LongTextEditor</name>
    <message>
        <location filename="../../ui/editors/text.py" line="107"/>
        <source>{n} / {limit} znaków — o {over} za dużo</source>
        <translation>{n} / {limit} characters — {over} too many</translation>
    </message>
    <message>
        <location filename="../../ui/editors/text.py" line="109"/>
        <source>{n} / {limit} znaków</source>
        <translation>{n} / {limit} characters</translation>
    </message>
    <message>
        <location filename="../../ui/editors/text.py" line="113"/>
        <source>{n} znaków</source>
        <translation>Characters: {n}</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="50"/>
        <source>Nowy wniosek</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="73"/>
        <source>&amp;nadanie statusu</source>
        <translation>&amp;grant of status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="74"/>
        <source>o&amp;dnowienie statusu</source>
        <translation>re&amp;newal of status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="97"/>
        <source>np. Mazowiecki Klaster ICT (można uzupełnić później)</source>
        <translation>e.g. Mazovian ICT Cluster (can be filled in later)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="102"/>
        <source>&amp;Runda konkursu:</source>
        <translation>Competition &amp;round:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="106"/>
        <source>Rodzaj wniosku:</source>
        <translation>Application type:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="110"/>
        <source>Nazwa &amp;wniosku:</source>
        <translation>Application na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="125"/>
        <source>Utwórz</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="64"/>
        <source>Konkurs {year}</source>
        <translation>Competition {year}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="66"/>
        <source>{name} — najnowsza runda</source>
        <translation>{name} — newest round</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="88"/>
        <source>Na &amp;podstawie wniosku:</source>
        <translation>&amp;Based on application:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="91"/>
        <source>W tej bazie nie ma wcześniejszego wniosku: powstanie pusty wniosek o odnowienie statusu.</source>
        <translation>This database holds no earlier application: an empty renewal application will be created.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_application.py" line="116"/>
        <source>Odnowienie przenosi do wybranej rundy dane wcześniejszego wniosku (klaster, koordynator, członkowie) i pokazuje raport przeniesienia — tak samo jak Odnowienie… w oknie głównym.</source>
        <translation>A renewal carries the earlier application&apos;s data (cluster, coordinator, members) into the chosen round and shows the carry-over report — just like Renewal… in the main window.</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../ui/editors/number.py" line="23"/>
        <source>0,00 zł</source>
        <translation>0.00</translation>
    </message>
    <message>
        <location filename="../../ui/editors/number.py" line="23"/>
        <source>RRRR</source>
        <translation>YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/editors/number.py" line="41"/>
        <source>{text} nie jest liczbą (np. 1 234 567,89)</source>
        <translation>{text} is not a number (e.g. 1,234,567.89)</translation>
    </message>
    <message>
        <location filename="../../ui/editors/number.py" line="34"/>
        <source>liczba zapisana {n} znakami jest za długa</source>
        <translation>a number written with {n} characters is too long</translation>
    </message>
    <message>
        <location filename="../../ui/editors/number.py" line="48"/>
        <source>podaj liczbę całkowitą</source>
        <translation>enter a whole number</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../ui/package_dialog.py" line="44"/>
        <source>Pakiet do wysłania</source>
        <translation>Submission package</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="49"/>
        <source>Folder na pakiet</source>
        <translation>Folder for the package</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="60"/>
        <source>Przygotuj do wysyłki</source>
        <translation>Prepare for sending</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="65"/>
        <source>Wniosek sfinalizowany; suma kontrolna {checksum}.</source>
        <translation>Application finalised; checksum {checksum}.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="69"/>
        <source>Wniosek jest roboczy: można go spakować tylko jako wersję roboczą do wewnętrznego przeglądu.</source>
        <translation>The application is a draft: it can only be packaged as a draft for internal review.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="81"/>
        <source>&amp;Wybierz…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="85"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="90"/>
        <source>adres e-mail ministerstwa z ogłoszenia o konkursie</source>
        <translation>the ministry&apos;s e-mail address from the call for applications</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="92"/>
        <source>&amp;Adresat:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="98"/>
        <source>&amp;Limit poczty:</source>
        <translation>Mail &amp;limit:</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="100"/>
        <source>Wersja &amp;robocza do wewnętrznego przeglądu (oznaczona w nazwach i w manifeście)</source>
        <translation>&amp;Draft for internal review (marked in the names and in the manifest)</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="114"/>
        <source>&amp;Utwórz pakiet</source>
        <translation>Create &amp;package</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="117"/>
        <source>&amp;Podziel na części</source>
        <translation>&amp;Split into parts</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="120"/>
        <source>Otwórz w programie &amp;pocztowym</source>
        <translation>Open in &amp;mail program</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="124"/>
        <source>Otwórz &amp;folder</source>
        <translation>Open f&amp;older</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="159"/>
        <source>Tworzę pakiet: PDF, Excel, załączniki…</source>
        <translation>Creating the package: PDF, Excel, attachments…</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="170"/>
        <source>Nie można zapisać pakietu w {folder} ({error}).</source>
        <translation>Cannot write the package to {folder} ({error}).</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="186"/>
        <source>Pakiet: {folder}</source>
        <translation>Package: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="187"/>
        <source>ZIP: {zip}</source>
        <translation>ZIP: {zip}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="191"/>
        <source>Razem: {size} (limit {limit})</source>
        <translation>Total: {size} (limit {limit})</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="197"/>
        <source>UWAGA: wersja robocza — nie do wysłania do ministerstwa.</source>
        <translation>NOTE: draft — not to be sent to the ministry.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="201"/>
        <source>UWAGA: pakiet przekracza limit poczty; podziel go na części albo wyślij inną drogą.</source>
        <translation>NOTE: the package exceeds the mail limit; split it into parts or send it another way.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="208"/>
        <source>Część {n} z {count}: {size}</source>
        <translation>Part {n} of {count}: {size}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="212"/>
        <source>Wiadomość: {path}</source>
        <translation>Message: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialog.py" line="230"/>
        <source>
Pliki do załączenia są w folderze: {folder}
</source>
        <translation>
The files to attach are in the folder: {folder}
</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/start/restore.py" line="34"/>
        <source>Kopie zapasowe bazy</source>
        <translation>Database backups</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="45"/>
        <source>Baza: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="49"/>
        <source>Czas</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="49"/>
        <source>Powód</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="49"/>
        <source>Wielkość</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="49"/>
        <source>Stan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="63"/>
        <source>sprawna</source>
        <translation>healthy</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="63"/>
        <source>uszkodzona</source>
        <translation>damaged</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="71"/>
        <source>Ta baza nie ma jeszcze kopii zapasowych.</source>
        <translation>This database has no backups yet.</translation>
    </message>
    <message>
        <location filename="../../ui/start/restore.py" line="74"/>
        <source>&amp;Przywróć z kopii zapasowej</source>
        <translation>&amp;Restore from backup</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="69"/>
        <source>Sprawdzenie wniosku</source>
        <translation>Checking the application</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="79"/>
        <source>Miejsce</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="99"/>
        <source>&amp;Finalizuj wniosek…</source>
        <translation>Finali&amp;se the application…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="101"/>
        <source>&amp;Korekta (nowa wersja)</source>
        <translation>Co&amp;rrection (new version)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="148"/>
        <source>Wniosek jest sfinalizowany ({time}) i tylko do odczytu. Suma kontrolna: &lt;b&gt;{checksum}&lt;/b&gt;. Aby coś zmienić, utwórz korektę.</source>
        <translation>The application was finalised ({time}) and is read-only. Checksum: &lt;b&gt;{checksum}&lt;/b&gt;. To change anything, create a correction.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="79"/>
        <source>Rodzaj</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="79"/>
        <source>Opis</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="95"/>
        <source>&amp;Lista braków i błędów (PDF)…</source>
        <translation>&amp;List of missing items and errors (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="156"/>
        <source>Do poprawienia przed finalizacją: &lt;b&gt;{totals}&lt;/b&gt;. Wypełniono {filled} ({percent}). Kliknij dwukrotnie pozycję (albo naciśnij Enter), aby przejść do jej miejsca; F8 prowadzi po kolei.</source>
        <translation>To correct before finalising: &lt;b&gt;{totals}&lt;/b&gt;. Filled in: {filled} ({percent}). Double-click an entry (or press Enter) to go to its place; F8 goes through them in turn.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="164"/>
        <source>Nic nie brakuje i nie ma błędów — wniosek można sfinalizować ({totals}).</source>
        <translation>Nothing is missing and there are no errors — the application can be finalised ({totals}).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="210"/>
        <location filename="../../ui/wizard/review_page.py" line="218"/>
        <source>Lista braków i błędów</source>
        <translation>List of missing items and errors</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="210"/>
        <source>lista-brakow-i-bledow.pdf</source>
        <translation>missing-items-and-errors.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="177"/>
        <source>Wniosek jest już sfinalizowany ({time}); zmiany wymagają korekty.</source>
        <translation>The application is already finalised ({time}); changes need a correction.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="181"/>
        <source>Baza jest otwarta tylko do odczytu, więc wniosku nie można sfinalizować.</source>
        <translation>The database is open read-only, so the application cannot be finalised.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="184"/>
        <source>Po kliknięciu program wypisze, co trzeba uzupełnić albo poprawić.</source>
        <translation>Click to see what needs to be filled in or corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="185"/>
        <source>Zamyka wniosek do zmian i ustala jego sumę kontrolną (zmiany potem tylko przez korektę).</source>
        <translation>Closes the application to changes and fixes its checksum (later changes only through a correction).</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="282"/>
        <source>Nie zapisano zmian ({count}): {error}. Pokazuję wniosek taki, jaki jest zapisany.</source>
        <translation>Changes not saved ({count}): {error}. Showing the application as it is stored.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="294"/>
        <source>Brak miejsca na dysku: zmiany są w pamięci, ponowię zapis za {seconds} s. Zwolnij miejsce na dysku albo zapisz wniosek na innym dysku (Plik → Eksport).</source>
        <translation>The disk is full: the changes are kept in memory, saving again in {seconds} s. Free some disk space or save the application to another drive (File → Export).</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="299"/>
        <source>Nie udało się zapisać zmian: {error} Zmiany są w pamięci; ponowię zapis za {seconds} s.</source>
        <translation>Could not save the changes: {error} They are kept in memory; saving again in {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="303"/>
        <source>Nie udało się zapisać zmian: {error}. Zmiany są w pamięci; ponowię zapis za {seconds} s.</source>
        <translation>Could not save the changes: {error}. They are kept in memory; saving again in {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="349"/>
        <source>Wniosek zmieniono poza tym oknem (inny program albo przywrócona kopia); pokazuję zapisaną wersję.</source>
        <translation>The application was changed outside this window (another program or a restored backup); showing the stored version.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="353"/>
        <source>Wniosek sfinalizowano gdzie indziej: zmian z tego okna ({count}) nie zapisano.</source>
        <translation>The application was finalised elsewhere: the changes made in this window ({count}) were not saved.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="67"/>
        <source>Skróty klawiszowe</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="70"/>
        <source>Gdzie</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="70"/>
        <source>Klawisze</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="70"/>
        <source>Działanie</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="83"/>
        <source>Całą aplikację można obsłużyć klawiaturą. Skróty z menu widać też w menu.</source>
        <translation>The whole application can be used with the keyboard. Menu shortcuts are also shown in the menus.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start/window.py" line="103"/>
        <location filename="../../ui/start/window.py" line="151"/>
        <source>&amp;Nowy wniosek…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="104"/>
        <source>&amp;Otwórz wniosek</source>
        <translation>&amp;Open application</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="105"/>
        <source>Otwórz &amp;bazę…</source>
        <translation>Open &amp;database…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="106"/>
        <location filename="../../ui/start/window.py" line="156"/>
        <source>&amp;Importuj .kkk.json…</source>
        <translation>&amp;Import .kkk.json…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="107"/>
        <source>&amp;Eksportuj .kkk.json…</source>
        <translation>&amp;Export .kkk.json…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="109"/>
        <source>&amp;Zakończ</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="110"/>
        <location filename="../../ui/start/window.py" line="153"/>
        <source>&amp;Duplikuj</source>
        <translation>&amp;Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="111"/>
        <source>&amp;Odnowienie…</source>
        <translation>&amp;Renewal…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="112"/>
        <location filename="../../ui/start/window.py" line="155"/>
        <source>&amp;Usuń…</source>
        <translation>De&amp;lete…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="113"/>
        <source>&amp;O programie</source>
        <translation>&amp;About Klaster</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="119"/>
        <source>&amp;Plik</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="124"/>
        <source>Połącz z bazą &amp;zespołu…</source>
        <translation>Connect to the &amp;team database…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="126"/>
        <source>Ostatnie b&amp;azy</source>
        <translation>R&amp;ecent databases</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="136"/>
        <source>&amp;Edycja</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="141"/>
        <source>Pomo&amp;c</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="152"/>
        <source>&amp;Otwórz</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="154"/>
        <source>Odno&amp;wienie…</source>
        <translation>Rene&amp;wal…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="157"/>
        <source>E&amp;ksportuj .kkk.json…</source>
        <translation>E&amp;xport .kkk.json…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="168"/>
        <source>Otwieram bazę danych…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="204"/>
        <source>Brak wniosków. Utwórz nowy wniosek albo zaimportuj plik .kkk.json.</source>
        <translation>No applications yet. Create a new application or import a .kkk.json file.</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="244"/>
        <source>Klaster — {name}</source>
        <translation>Klaster — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="286"/>
        <source>Baza: {path} · wnioski: {count}</source>
        <translation>Database: {path} · applications: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="357"/>
        <location filename="../../ui/start/window.py" line="367"/>
        <source>Nie można otworzyć wniosku</source>
        <translation>Cannot open the application</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="368"/>
        <source>Kreator wniosku nie jest dostępny w tej wersji programu.</source>
        <translation>The application wizard is not available in this version of the program.</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="108"/>
        <source>&amp;Kopie zapasowe…</source>
        <translation>&amp;Backups…</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="426"/>
        <source>Kopie zapasowe</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="426"/>
        <source>Zamknij najpierw otwarte okna wniosków.</source>
        <translation>Close the open application windows first.</translation>
    </message>
    <message>
        <location filename="../../ui/start/window.py" line="436"/>
        <source>Nie przywrócono kopii</source>
        <translation>Backup not restored</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../ui/tables/editor.py" line="117"/>
        <source>Szukaj…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="210"/>
        <source>W górę</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="212"/>
        <source>W dół</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="215"/>
        <source>Dopisz wiersze skopiowane z arkusza (Ctrl+V w tabeli)</source>
        <translation>Append rows copied from a spreadsheet (Ctrl+V in the table)</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="410"/>
        <source>Usunąć zaznaczone wiersze ({n})? Tego nie można cofnąć.</source>
        <translation>Remove the selected rows ({n})? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="411"/>
        <source>Usuwanie wierszy</source>
        <translation>Removing rows</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="439"/>
        <source>Wklejanie z Excela</source>
        <translation>Pasting from Excel</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="441"/>
        <source>Schowek nie zawiera wierszy do wklejenia.</source>
        <translation>The clipboard holds no rows to paste.</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="446"/>
        <source>Wklejono wierszy: {n}.</source>
        <translation>Rows pasted: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="448"/>
        <source>Dodano wierszy: {n}. Tych komórek nie udało się odczytać; zostały puste:</source>
        <translation>Rows added: {n}. These cells could not be read and were left empty:</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="475"/>
        <source>Kolejność zmienia się tylko bez sortowania i filtra.</source>
        <translation>Rows can be reordered only while the table is neither sorted nor filtered.</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="479"/>
        <source>Wierszy: {n}</source>
        <translation>Rows: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="481"/>
        <source>(widocznych: {n})</source>
        <translation>(shown: {n})</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="206"/>
        <source>Dodaj wiersz</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="170"/>
        <source>Historia zmian wiersza…</source>
        <translation>History of the row…</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="207"/>
        <source>Dodaj wiersz na końcu tabeli (Ctrl+Insert w tabeli)</source>
        <translation>Add a row at the end of the table (Ctrl+Insert in the table)</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="208"/>
        <source>Usuń</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="209"/>
        <source>Usuń zaznaczone wiersze (Ctrl+Delete w tabeli)</source>
        <translation>Remove the selected rows (Ctrl+Delete in the table)</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="211"/>
        <source>Przesuń wiersz w górę (Ctrl+Shift+↑ w tabeli)</source>
        <translation>Move the row up (Ctrl+Shift+↑ in the table)</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="213"/>
        <source>Przesuń wiersz w dół (Ctrl+Shift+↓ w tabeli)</source>
        <translation>Move the row down (Ctrl+Shift+↓ in the table)</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="214"/>
        <source>Wklej z Excela</source>
        <translation>Paste from Excel</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="178"/>
        <source>Wybierz kolumny widoczne w tabeli (także menu kontekstowe nagłówka)</source>
        <translation>Choose the columns shown in the table (also the header&apos;s context menu)</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="191"/>
        <source>Pokaż wszystkie kolumny</source>
        <translation>Show all columns</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="344"/>
        <source>Kolumny</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/tables/editor.py" line="345"/>
        <source>(ukryte: {n})</source>
        <translation>(hidden: {n})</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../ui/tables/model.py" line="90"/>
        <source>Błąd:</source>
        <translation>Error:</translation>
    </message>
    <message>
        <location filename="../../ui/tables/model.py" line="91"/>
        <source>Uwaga:</source>
        <translation>Warning:</translation>
    </message>
    <message>
        <location filename="../../ui/tables/model.py" line="227"/>
        <source>(wymagane)</source>
        <translation>(required)</translation>
    </message>
    <message>
        <location filename="../../ui/tables/model.py" line="298"/>
        <source>Wiersz {row}, kolumna „{column}”</source>
        <translation>Row {row}, column “{column}”</translation>
    </message>
</context>
<context>
    <name>TablePaste</name>
    <message>
        <location filename="../../ui/tables/paste.py" line="73"/>
        <source>wiersz {row}, kolumna „{column}”</source>
        <translation>row {row}, column “{column}”</translation>
    </message>
    <message>
        <location filename="../../ui/tables/paste.py" line="112"/>
        <source>pominięto komórki wykraczające poza ostatnią kolumnę tabeli (do {n} w wierszu)</source>
        <translation>skipped cells beyond the last column of the table (up to {n} in a row)</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <location filename="../../ui/xlsx/import_dialog.py" line="300"/>
        <source>import z pliku Excel</source>
        <translation>import from an Excel file</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../ui/versions_dialog.py" line="34"/>
        <location filename="../../ui/versions_dialog.py" line="40"/>
        <source>Zestawienie zmian</source>
        <translation>Summary of changes</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="45"/>
        <source>sfinalizowana</source>
        <translation>finalised</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="47"/>
        <source>robocza</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="51"/>
        <source>wersja {n} ({state}, {when}{checksum})</source>
        <translation>version {n} ({state}, {when}{checksum})</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="62"/>
        <source>Wersje wniosku</source>
        <translation>Application versions</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="74"/>
        <source>&amp;Wcześniejsza:</source>
        <translation>&amp;Earlier:</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="75"/>
        <source>&amp;Późniejsza:</source>
        <translation>&amp;Later:</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="82"/>
        <source>Miejsce</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="83"/>
        <source>Zmiana</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="84"/>
        <source>Było</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="85"/>
        <source>Jest</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="94"/>
        <source>Eksport &amp;PDF zestawienia zmian…</source>
        <translation>Export summary of changes to &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="141"/>
        <source>Zmian: {n}.</source>
        <translation>Changes: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="143"/>
        <source>Brak zmian między tymi wersjami.</source>
        <translation>No changes between these versions.</translation>
    </message>
    <message>
        <location filename="../../ui/versions_dialog.py" line="162"/>
        <source>Nie można zapisać pliku {path} ({error}).</source>
        <translation>Cannot write the file {path} ({error}).</translation>
    </message>
</context>
<context>
    <name>WizardWindow</name>
    <message>
        <location filename="../../ui/wizard/window.py" line="66"/>
        <source>Finalizacja wniosku</source>
        <translation>Finalising the application</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="67"/>
        <source>Po sfinalizowaniu wniosku nie można go zmieniać (zmiany wymagają korekty).

Suma kontrolna danych: {checksum}

Sfinalizować wniosek?</source>
        <translation>Once finalised, the application cannot be changed (changes need a correction).

Data checksum: {checksum}

Finalise the application?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="140"/>
        <location filename="../../ui/wizard/window.py" line="487"/>
        <source>Sprawdź wniosek</source>
        <translation>Check the application</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="147"/>
        <source>Kompletność: %p&#xa0;%</source>
        <translation>Complete: %p%</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="151"/>
        <source>Części wniosku</source>
        <translation>Parts of the application</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="158"/>
        <source>« &amp;Wstecz</source>
        <translation>« &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="159"/>
        <source>&amp;Dalej »</source>
        <translation>&amp;Next »</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="208"/>
        <source>Ostatni zapis: {time}</source>
        <translation>Last saved: {time}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="229"/>
        <source>&amp;Plik</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="232"/>
        <source>&amp;Podgląd wydruku wniosku…</source>
        <translation>Print pre&amp;view of the application…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="237"/>
        <source>&amp;Drukuj wniosek…</source>
        <translation>&amp;Print the application…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="247"/>
        <source>Podgląd wydruku p&amp;odsumowania…</source>
        <translation>Print preview of the &amp;summary…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="256"/>
        <source>Eksport do &amp;Excela…</source>
        <translation>Export to &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="264"/>
        <source>&amp;Zamknij wniosek</source>
        <translation>&amp;Close the application</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="269"/>
        <source>&amp;Sprawdź</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="273"/>
        <source>&amp;Finalizuj…</source>
        <translation>&amp;Finalise…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="276"/>
        <source>&amp;Korekta (nowa wersja)</source>
        <translation>Co&amp;rrection (new version)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="280"/>
        <source>&amp;Wersje i zestawienie zmian…</source>
        <translation>&amp;Versions and changes…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="282"/>
        <source>&amp;Przygotuj do wysyłki…</source>
        <translation>&amp;Prepare for sending…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="286"/>
        <source>&amp;Historia zmian…</source>
        <translation>&amp;History of changes…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="290"/>
        <source>&amp;Edycja</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="301"/>
        <source>&amp;Następny problem</source>
        <translation>&amp;Next problem</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="310"/>
        <source>&amp;Importuj członków z Excela…</source>
        <translation>&amp;Import members from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="312"/>
        <source>&amp;Ankiety członków…</source>
        <translation>Member &amp;questionnaires…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="316"/>
        <source>P&amp;rzejdź</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="317"/>
        <source>&amp;Wstecz</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="320"/>
        <source>&amp;Dalej</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="324"/>
        <source>Pomo&amp;c</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="328"/>
        <source>&amp;O programie</source>
        <translation>&amp;About Klaster</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="386"/>
        <source>Brak problemów we wniosku.</source>
        <translation>The application has no problems.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="421"/>
        <source>Ta funkcja nie jest dostępna w tej wersji programu.</source>
        <translation>This feature is not available in this version of the program.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="462"/>
        <source>Wniosek bez nazwy</source>
        <translation>Untitled application</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="463"/>
        <source>sfinalizowany</source>
        <translation>finalised</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="463"/>
        <source>roboczy</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="464"/>
        <source>{name} — wersja {version}, {state} — Klaster</source>
        <translation>{name} — version {version}, {state} — Klaster</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="494"/>
        <source>Zapisywanie…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="497"/>
        <source>Zapisano o {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="508"/>
        <source>Wniosek sfinalizowany — tylko do odczytu. Suma kontrolna: &lt;b&gt;{checksum}&lt;/b&gt;. Zmiany: Wniosek › Korekta.</source>
        <translation>Application finalised — read-only. Checksum: &lt;b&gt;{checksum}&lt;/b&gt;. To change it: Application › Correction.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="87"/>
        <location filename="../../ui/wizard/window.py" line="551"/>
        <source>Finalizacja</source>
        <translation>Finalising</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="576"/>
        <source>Zapis</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="577"/>
        <source>Nie udało się zapisać ostatnich zmian. Zamknąć mimo to (ostatnie zmiany przepadną)?</source>
        <translation>The latest changes could not be saved. Close anyway (the latest changes will be lost)?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="242"/>
        <source>Eksport wniosku do PD&amp;F…</source>
        <translation>Export the application to P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="252"/>
        <source>Eksport podsumowan&amp;ia do PDF…</source>
        <translation>Export the summary to PD&amp;F…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="268"/>
        <source>W&amp;niosek</source>
        <translation>Appli&amp;cation</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="325"/>
        <source>&amp;Skróty klawiszowe</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="292"/>
        <source>&amp;Cofnij</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="294"/>
        <source>&amp;Ponów</source>
        <translation>Re&amp;do</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="296"/>
        <source>&amp;Znajdź…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="305"/>
        <source>P&amp;oprzedni problem</source>
        <translation>P&amp;revious problem</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="407"/>
        <source>Problem {n} z {total}: {place}</source>
        <translation>Problem {n} of {total}: {place}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="91"/>
        <source>&amp;Otwórz sprawdzenie</source>
        <translation>&amp;Open the check</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="93"/>
        <source>&amp;Zamknij</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="516"/>
        <source>Baza jest otwarta tylko do odczytu (brak uprawnień do zapisu pliku albo folderu): wniosek można czytać, drukować i eksportować, ale nie zmieniać.</source>
        <translation>The database is open read-only (no permission to write the file or its folder): the application can be read, printed and exported, not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/window.py" line="552"/>
        <source>Nie sfinalizowano: zmian nie udało się zapisać ({reason}).</source>
        <translation>Not finalised: the changes could not be saved ({reason}).</translation>
    </message>
</context>
<context>
    <name>_FieldMenu</name>
    <message>
        <location filename="../../ui/history_view.py" line="143"/>
        <source>Historia zmian pola…</source>
        <translation>History of the field…</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/team_connect.py" line="121"/>
        <source>Nie zapamiętano hasła: {e}</source>
        <translation>The password was not remembered: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/team_connect.py" line="128"/>
        <source>Zamknij najpierw otwarte okna wniosków.</source>
        <translation>Close the open application windows first.</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <location filename="../../ui/team.py" line="31"/>
        <source>Zmiana w tym samym miejscu</source>
        <translation>A change in the same place</translation>
    </message>
    <message>
        <location filename="../../ui/team.py" line="33"/>
        <source>{place}: o {time} zapisano tu inną wartość (autor: {author}).</source>
        <translation>{place}: another value was saved here at {time} (by {author}).</translation>
    </message>
    <message>
        <location filename="../../ui/team.py" line="38"/>
        <source>Zostaw &amp;moją wartość</source>
        <translation>Keep &amp;my value</translation>
    </message>
    <message>
        <location filename="../../ui/team.py" line="39"/>
        <source>Przyjmij wartość &amp;zapisaną</source>
        <translation>Take the &amp;stored value</translation>
    </message>
    <message>
        <location filename="../../ui/team.py" line="88"/>
        <source>{place}: zachowano wartość {whose}.</source>
        <translation>{place}: {whose} value was kept.</translation>
    </message>
    <message>
        <location filename="../../ui/team.py" line="89"/>
        <source>Twoją</source>
        <translation>your</translation>
    </message>
</context>
</TS>
