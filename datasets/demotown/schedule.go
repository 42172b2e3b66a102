package demotown

// wasteSchedule is the waste.csv file: the demo town's collection schedule for 2026 and 2027
// in the format of datasets/wasteschedule. Zone A collects most often, the villages of zone C
// least; bio waste is collected from April to November; collections falling on a public
// holiday move to the next working day.
const wasteSchedule = `# Harmonogram svozu odpadu města Kopřivnice na roky 2026 a 2027
# Oblast A: střed města; oblast B: okrajové čtvrti; oblast C: místní části Vlčovice, Mniší, Lubina
# a Drnholec nad Lubinou. Svoz připadající na státní svátek se koná nejbližší pracovní den.
typ;zona;odpad;datum;den;kazdych_tydnu;tydny;sezona_od;sezona_do;svatky;plati_od;plati_do;poznamka

# Směsný komunální odpad
pravidlo;A;směsný;;pondělí;1;;;;posunout;1. 1. 2026;31. 12. 2027;sídliště: dvakrát týdně
pravidlo;A;směsný;;čtvrtek;1;;;;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;B;směsný;;úterý;1;;;;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;C;směsný;7. 1. 2026;středa;2;;;;posunout;1. 1. 2026;31. 12. 2027;jednou za 14 dní

# Plasty a nápojové kartony
pravidlo;A;plast;;středa;1;;;;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;B;plast;;čtvrtek;2;lichý;;;posunout;1. 1. 2026;31. 12. 2026;
pravidlo;B;plast;;čtvrtek;1;;;;posunout;1. 1. 2027;31. 12. 2027;od roku 2027 každý týden
pravidlo;C;plast;15. 1. 2026;čtvrtek;2;;;;posunout;1. 1. 2026;31. 12. 2027;

# Papír
pravidlo;A;papír;9. 1. 2026;pátek;2;;;;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;B;papír;;pátek;2;sudý;;;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;C;papír;16. 1. 2026;pátek;4;;;;posunout;1. 1. 2026;31. 12. 2027;jednou za 4 týdny

# Sklo
pravidlo;A;sklo;13. 1. 2026;úterý;4;;;;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;B;sklo;20. 1. 2026;úterý;4;;;;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;C;sklo;27. 1. 2026;úterý;4;;;;posunout;1. 1. 2026;31. 12. 2027;

# Bioodpad: od dubna do listopadu
pravidlo;A;bio;;pondělí;1;;1. 4.;30. 11.;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;B;bio;;středa;1;;1. 4.;30. 11.;posunout;1. 1. 2026;31. 12. 2027;
pravidlo;C;bio;8. 4. 2026;středa;2;;1. 4.;30. 11.;posunout;1. 1. 2026;31. 12. 2027;střídá se se směsným

# Výjimky
navic;A;směsný;29. 12. 2026;;;;;;;;;po vánočních svátcích navíc
zruseno;A;papír;27. 12. 2027;;;;;;;;;svoz z 24. 12. (posunutý na 27. 12.) se nekoná
navic;C;bio;2. 12. 2026;;;;;;;;;dosběr listí
`
