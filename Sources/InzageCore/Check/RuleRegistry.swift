/// Every rule Inzage runs, grouped by document kind. Adding a rule: write its file under
/// `Rules/<kind>/` and add it here; the pipeline does not change.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        // organisatie.yaml
        OrgRequired(), OrgFG(), OrgBRIN(), OrgBRINO(), OrgColour(), OrgSite(),
        // bijsluiters/
        BsIdentity(), BsSoort(), BsCategories(), BsOverige(), BsSpecial(), BsBSN(), BsDoel(), BsEER(), BsWaarborg(), BsSubverwerkers(),
        BsRetention(), BsVersion(), BsOvereenkomst(), BsStale(), BsEntree(), BsDatalek(), BsHistory(),
        // privacyverklaring.md
        PvGround(), PvAdm(), PvDates(), PvRetentionRef(),
        // privacystatement.md
        PsCookie(), PsStats(),
        // reglement.md
        RgNumbering(), RgReferences(), RgInstemming(),
        // bewaartermijnen.yaml
        BtStart(), BtMinimum(),
        // fototoestemming.yaml
        FtChannels(), FtWithdraw(), FtSchooljaar(),
        // toegankelijkheid.yaml
        TgStatus(),
        // every text
        TxtPlaceholder(), TxtOutdated(), TxtContactFields(),
        // paginas/
        PgPage(),
        // across documents
        XRecipients(), XSchool(), XConsent(),
    ]
}
