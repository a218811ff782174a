"""Closed word lists that the name rules consult: titles, name heads, stop words, surnames."""

from __future__ import annotations

from nkreader.entities.given_names import CENSUS_GIVEN_NAMES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make a title or role when they stand before a name ("leader Kim Jong Un").
TITLES = _words(
    """leader president vice-president premier minister secretary secretary-general chairman
    chairwoman chair chief general gen gen. lt lt. col col. maj maj. adm adm. capt capt. cmdr
    cmdr. sgt sgt. brig brig. marshal commander spokesperson spokesman spokeswoman ambassador
    envoy director deputy senator sen sen. rep rep. representative mr mr. mrs mrs. ms ms. dr
    dr. governor mayor speaker king queen prince princess pope professor prof prof. analyst
    researcher fellow official officer lawmaker admiral lieutenant colonel captain sergeant
    lady sister brother daughter wife husband father mother aunt uncle adviser advisor
    administrator head inspector judge correspondent reporter editor journalist founder ceo
    president-elect emperor chancellor diplomat counselor counsellor commissioner attache
    attaché coordinator negotiator delegate photographer economist expert scholar lawyer
    premier-elect successor heir defector comrade comrades mp mps mep meps msp msps mla
    councillor councilor sir dame lord baroness"""
)
# Lower-case roles that name a person when written before or after a name
# ("chief executive Thierry Breton", "Hannes Wittig, telecoms analyst at ...").
ROLE_WORDS = _words(
    """executive executives strategist boss manager economist analyst columnist presenter
    singer actor actress star coach striker midfielder goalkeeper defender winger chef
    designer author writer novelist director producer spokesman spokeswoman spokesperson
    chairman chairwoman chief founder president minister secretary professor lecturer
    researcher scientist expert lawyer campaigner activist leader head official officer
    member worker colleague candidate mp mep msp lawmaker senator governor mayor ambassador
    envoy player captain manager owner partner trader banker investor analysts economists
    correspondent editor reporter journalist photographer commander general colonel
    spokesman counsel adviser advisor aide deputy vice-president veteran wife husband
    son daughter mother father brother sister widow"""
)
# Words that belong to a title phrase before its head ("Foreign Minister", "Vice Marshal").
TITLE_MODIFIERS = _words(
    """foreign defense defence unification prime vice deputy first senior former acting
    interior national security state party army navy air force supreme top chief general
    special nuclear trade finance justice home military central political executive assistant
    associate principal under permanent grand full rear major lieutenant staff joint
    presidential opposition ruling majority minority house senate armed services respected
    dear beloved"""
)
# Complements that may follow a title after "of" ("Secretary of State").
TITLE_COMPLEMENTS = _words(
    """state defense defence national foreign affairs the treasury unification homeland
    security commerce energy justice navy army air force staff war"""
)

ORG_HEADS = _words(
    """agency ministry department council committee commission party army navy force forces
    command corps division brigade regiment battalion fleet guard guards institute university
    college academy center centre foundation association federation union organization
    organisation office bureau service services administration authority group company
    corporation corp corp. inc inc. ltd ltd. co co. bank times post news journal herald daily
    press network broadcasting television radio assembly parliament senate court cabinet
    secretariat politburo presidium board project initiative forum club society team unit
    squadron wing headquarters staff alliance coalition front movement league mission embassy
    consulate laboratory laboratories lab institution ilbo sinmun shimbun tribune telegraph
    gazette review magazine monitor observer media tv industries industry enterprises
    enterprise works international coalition trust partnership watch highlanders fusiliers
    rifles dragoons hussars lancers marines rangers borderers grenadiers guardsmen holdings"""
)
LOC_HEADS = _words(
    """station airport airbase base port harbor harbour bay sea ocean strait straits peninsula
    island islands river mountain mountains lake valley plateau desert line zone square bridge
    tower palace stadium building complex site facility reactor plant factory shipyard range
    gulf canal road street highway memorial cemetery mausoleum hotel camp coast reservoir dam
    airfield cosmodrome spaceport ground grounds"""
)
GPE_HEADS = _words("province city county prefecture oblast territory district state republic")
EVENT_HEADS = _words(
    """war summit olympics games dialogue talks crisis revolution incident festival parade
    expo uprising offensive operation exercise exercises drills drill conference"""
)
# Heads that name a place only when the name before them is not a country ("Tokyo Station").
LOC_PREFIX_WORDS = _words("mount mt mt. lake cape fort camp")
# Words that lead an organisation's name ("Royal Navy", "Royal Scots").
ORG_PREFIX_WORDS = _words("royal")
# Royal titles whose possessive starts a name ("King's Own Scottish Borderers").
NAME_POSSESSORS = _words("king queen prince princess duke")

# Capitalised words that are not names: function words, sentence openers, headline verbs.
STOP = _words(
    """a an the this that these those his her its their our my your he she it they we i you
    there here what which who whom whose why how where when while if but and or nor so yet as
    at by for from in into of on onto to with without within about above after against along
    amid among around before behind below beneath beside besides between beyond despite down
    during except following inside like near off out outside over since through throughout
    till toward towards under underneath unlike until up upon via also all any both each
    either every few many more most much neither no none not one other others several some
    such than then too very only just even still already again ever never now later earlier
    meanwhile however moreover furthermore therefore thus instead otherwise indeed perhaps
    although though because unless whether according asked said says told added noted
    speaking citing read related see image photo photos video file source sources editor
    note update updated breaking analysis opinion exclusive explainer watch listen report
    reports reported new latest top last next first second third another same this year
    today yesterday tomorrow tonight mr ms mrs dr do does did is are was were be been being
    has have had will would shall should can could may might must let lets get gets got make
    makes made take takes took give gives gave show shows showed say tell hold holds held
    call calls called keep keeps kept seek seeks sought warn warns warned vow vows vowed urge
    urges urged slam slams slammed fire fires fired launch launches launched test tests
    tested hit hits north south east west northern southern eastern western central
    official officials state media military defense defence nuclear missile missiles
    security foreign international national global joint special supreme senior high
    leader leaders president minister ministers government experts analysts observers
    sanctions talks summit war peace crisis threat threats tension tensions news statement
    statements attack attacks army soldiers troops forces weapons weapon rocket rockets
    satellite drone drones ship ships submarine sea air land space cyber party committee
    meeting meetings plenary session congress conference commission council agency ministry
    according local regional spokesperson spokesman correspondent staff writer reporter
    reporting additional contributed writing editing by via credit credits copyright all
    rights reserved story page home subscribe sign log login menu search share tweet email
    print comments comment advertisement yes no ok okay oh hey thanks please thank welcome
    monday tuesday wednesday thursday friday saturday sunday chairman secretary general
    ambassador envoy director deputy vice prime premier chief commander division respected
    dear comrade former"""
)
# Stop words that may still stand inside a name ending in a head ("Foreign Policy Centre").
NAME_STOP = _words(
    """north south east west northern southern eastern western central official state military
    defense defence nuclear missile missiles security foreign international national global
    joint special supreme senior high army navy air land space cyber sea party committee
    council commission agency ministry meeting meetings plenary session congress conference
    news media new watch weapons rocket satellite ship local regional peace war summit talks
    forces troops"""
)
FUNCTION_STOP = STOP - NAME_STOP
ACRONYM_STOP = _words(
    """END MORE UPDATE NEW URGENT BREAKING FLASH LIVE NOTE PHOTO VIDEO AND THE OF FOR LEAD LD AIS
    TV CEO GDP AI PM AM OK DC ID PC IT VIP PR HR FAQ PDF URL USB GPS CCTV FYI PS NB AD BC
    CE UTC GMT KST EST EDT ET PT JST I II III IV V VI VII VIII IX X XI XII A Q"""
)

# Surnames that come first in Korean and Chinese names ("Yoon Suk Yeol", "Xi Jinping").
EAST_ASIAN_SURNAMES = _words(
    """Kim Lee Park Choi Choe Jung Chung Jeong Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh O
    Seo Suh Shin Sin Kwon Hwang Ahn An Song Yoo Yu Hong Jeon Jon Chun Ko Koh Moon Mun Yang Son
    Sohn Bae Baek Paek Heo Huh Hur Nam Ri Rhee Rhie Pak Ryu Roh No Noh Ha Kwak Woo U Min Cha
    Ju Joo Hyon Hyun Thae Jin Byun Pyon Um Chae Won Ban Bang Pang Gong Kong Sim Shim Ryo Tak
    Myong Ryang Kye Chon Yeo Wi Maeng Ok Jegal Hyeon Do Doh Pyo Seong Sung Yeom Yom Ji Chi
    Xi Wang Li Zhang Liu Chen Zhao Huang Zhou Wu Sun Ma Hu Guo Lin Zhu He Gao Luo Zheng Liang
    Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Ye Cheng Wei Su Lu
    Ding Ren Shen Yao Fu Zhong Qin Mao Hua Geng Qi"""
)
# Common given names: a capitalised sequence starting with one is very likely a person.
GIVEN_NAMES = _words(
    """John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
    Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
    Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold
    Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan
    Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene
    Vincent Russell Elijah Louis Bobby Philip Johnny Mary Patricia Jennifer Linda Elizabeth
    Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily
    Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia
    Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine
    Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie
    Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah
    Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris
    Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana
    Brittany Natalie Isabella Charlotte Rose Alexis Kayla Antony Tony Mike Jim Tom Bob Bill
    Dan Dave Steve Chris Matt Ben Sam Nick Rob Greg Jeff Ted Victor Ankit Vladimir Sergei
    Sergey Dmitry Dmitri Andrei Andrey Alexei Alexey Maria Olga Yuri Igor Ivan Nikolai Mikhail
    Volodymyr Fumio Shinzo Yoshihide Shigeru Taro Yoko Hiroshi Takeshi Kenji Marco Pete Lloyd
    Antonio Rafael Emmanuel Olaf Rishi Keir Boris Narendra Recep Benjamin Kamala Hillary
    Condoleezza Madeleine Rex Mike Linda Kurt Sydney Sung Yong Harry Jake Marc Bruce Evans
    Wendy Uzra Ned Ely Colin Leon Martin Max Oliver Simon Tim Toby Vipin Duyeon Jenny Rachel
    Abdul Abdullah Abu Ahmed Ahmad Ali Amir Ayman Bashar Fatima Hamid Hassan Hosni Hussein
    Ibrahim Ismail Jamal Khalid Mahmoud Mahmoud Mohamed Mohammed Mohammad Muhammad Mustafa
    Nasser Omar Osama Rashid Saddam Salman Tariq Yasser Yusuf Zainab Ayatollah Benazir
    Nawaz Pervez Imran Asif Shahid Ariel Ehud Shimon Yitzhak Moshe Avigdor Yuval
    Geoff Geoffrey Josh Guy Ed Eddie Ian Iain Alistair Alastair Gordon Hilary Tessa Hazel
    Estelle Clare Claire Gwyneth Menzies Nicola Jackie Diane Patricia Margaret Theresa Liz
    Harriet Yvette Ruth Cherie Glenys Neil Ken Robin Jacqui Des Hugh Malcolm Nigel Norman
    Oliver Rowan Trevor Tristram Vince Andy Alex Alec Ali Ray Reg Rod Ron Roy Stuart Stewart
    Fiona Gillian Jill Kate Katie Kirsty Lucy Maureen Natasha Pauline Penny Sally Sheila
    Sue Tracey Valerie Vicky Wendy Yasmin Zoe Adrian Barry Bernard Clive Colin Craig Darren
    Dean Derek Duncan Gareth Gavin Glenn Graham Grant Howard Jamie Jon Jonny Kenny Leslie
    Lewis Luke Mick Nathan Neville Phil Phillip Piers Rory Ross Russell Sebastian Shaun Stan
    Tommy Warren Wayne Angus Archie Callum Ewan Fraser Hamish Kenneth Murray Alison Ann Anne
    Annie Bridget Caroline Carolyn Charlotte Chloe Claudia Daisy Deborah Dominic Eleanor
    Eileen Elaine Ellen Emma Esther Felicity Georgina Gemma Harriet Isabel Jane Janet Jo
    Joanna Josephine Judith Julia Juliet Karen Kathy Laura Louise Lynne Marion Melanie
    Miranda Morag Naomi Nina Olivia Pam Philippa Rebecca Rosemary Samantha Sophie Sylvia
    Tanya Tina Vanessa Veronica Victoria Yvonne Joschka Gerhard Angela Jacques Nicolas
    Francois Dominique Lionel Jean-Pierre Jean-Claude Jose Luis Silvio Romano Gianni Jose
    Juan Carlos Hugo Fidel Raul Evo Luiz Lula Ignacio Pedro Pablo Miguel Manuel Javier
    Alberto Fernando Ricardo Roberto Sergio Eduardo Mario Giorgio Luca Kofi Nelson Thabo
    Jacob Robert Olusegun Mwai Yoweri Paul Charles Hamid Ashraf Nouri Iyad Ghazi Jalal
    Muqtada Moqtada Abdel Yasir Mahmud Recep Tayyip Ahmet Mehmet Mustafa Viktor Viktor
    Leonid Mikhail Boris Gennady Konstantin Nikita Pavel Anatoly Yevgeny Yulia Viktor
    Alexander Aleksandr Dmitri Vladislav Oleg Arseniy Petro Lech Aleksander Vaclav Gyorgy
    Junichiro Naoto Yukio Shinzo Taro Toshimitsu Yasuo 
    Narendra Manmohan Sonia Rahul Atal Pranab Rajiv Indira 
    Thaksin Megawati Susilo Gloria Corazon Ferdinand Rodrigo Benigno Kevin Julia Malcolm
    Scott Tony Anthony Justin Stephen Jean Brian Pierre Hillary Nancy Condoleezza Colin
    Dick Donald Rudy Arnold Newt Ralph Jesse Howard Lindsey Mitch Chuck Harry Rahm Hank
    Ben Janet Alan Tim Mitt Rick Ted Marco Rand Bernie Elizabeth Kamala Pete Beto Amy Cory
    Kirsten Tulsi Jared Ivanka Melania Rex Jim Wes Wesley Madeleine Strobe Warren
    Yannick Julien Christophe Thierry Olivier Philippe Sebastien Laurent Fabien Fabrice
    Thomas Nicolas Didier Zinedine Patrick Arsene Gerard Claude Michel Alain Bernard Eric
    Aurelien Frederic Frederique Jerome Ludovic Mathieu Pascal Raphael Serge Stephane Xavier
    Yann Cedric Damien Florent Gael Herve Jacques Loic Marcel Remi Sylvain Vincent Benoit
    Isabelle Sandrine Nathalie Sophie Celine Audrey Amelie Juliette Margaux Segolene
    Paolo Gianluca Gianfranco Alessandro Alessandra Andrea Francesco Giovanni Giuseppe
    Luigi Massimo Matteo Stefano Fabio Filippo Claudio Carlo Enrico Federico Lorenzo
    Marcello Maurizio Nicola Pietro Riccardo Roberto Salvatore Silvio Umberto Vittorio
    Giulia Francesca Chiara Valentina Federica Sergio Cesare Dino Gennaro
    Josep Jordi Xavi Pep Iker Raul Fernando Santiago Alejandro Diego Emilio Enrique Gonzalo
    Ignacio Jaime Jesus Joaquin Julio Mariano Pau Rafael Ramon Rodrigo Vicente Carmen Pilar
    Lucia Elena Rosa Ines Dolores Isabel Ruud Marco Arjen Johan Dennis Edgar Clarence Patrick
    Frank Henk Jan Joost Kees Pieter Wim Dirk Willem Jurgen Klaus Gerhard Helmut Horst
    Joschka Wolfgang Dieter Franz Friedrich Hans Heinz Karl Lothar Manfred Matthias Michael
    Oskar Rainer Rudolf Stefan Uwe Werner Ulrich Heike Ingrid Ursula Gudrun Monika Petra
    Sabine Birgit Tore Lars Anders Bjorn Erik Henrik Magnus Nils Ole Sven Stig Olof Goran
    Jens Kasper Mikkel Soren Ingrid Astrid Karin Sigrid Ulla Jarek Jaroslaw Jerzy Krzysztof
    Tomasz Marek Piotr Pawel Wojciech Irina Svetlana Tatiana Natalia Yelena Elena Ekaterina
    Katerina Kostas Konstantinos Dimitris Dimitri Giorgos Nikos Yannis Costas Christos
    Huw Dafydd Rhodri Gareth Ieuan Rhys Aled Bryn Dai Dylan Emlyn Gwilym Iwan Owain Siân
    Linford Olly Titi Adolf Liam Seamus Sean Padraig Eamon Eamonn Ciaran Declan Fergal
    Niall Ronan Conor Colm Aidan Brendan Cormac Kieran Sinead Siobhan Aoife Niamh Roisin
    Bono Tiger Serena Venus Roger Rafa Novak Andy Tim Lleyton Marat Amelie Justine
    Martina Maria Anastasia Svetlana Dinara Jelena Ana Goran Zlatan Gheorghe Ion Nicolae
    Traian Viktor Ferenc Janos Laszlo Imre Istvan Milos Slobodan Vojislav Zoran Radovan
    Ratko Ante Franjo Hashim Ibrahim Kemal Recep Tansu Bulent Abdullah Turgut"""
)
# Given names from larger public lists; they count only where their lower-case form is absent.
LISTED_GIVEN_NAMES = CENSUS_GIVEN_NAMES
# Common surnames: a capitalised pair ending in one reads as a personal name ("Josh Smith").
COMMON_SURNAMES = _words(
    """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
    Jackson Martin Thompson Harris Clark Lewis Robinson Walker Allen Wright
    Scott Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell
    Parker Evans Edwards Collins Stewart Morris Murphy Rogers Morgan Cooper Peterson
    Bailey Kelly Howard Ward Cox Richardson Watson Bennett Hughes
    Sanders Myers Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson
    Coleman Simmons Patterson Reynolds Hamilton Graham Wallace Hayes Gibson
    Ellis Marshall Owens Harrison Kennedy Warren Palmer 
    Davies Thomson Jenkins Lloyd Hughes Owen Griffiths Morgan Rees Lewis Watkins
    Clarke Hall Jackson Wright Walker Hughes Robertson MacDonald Macdonald McDonald
    Murray Reid Ross Fraser Fox Kerr Douglas Hamilton Gordon Johnston Scott Grant Mackenzie
    Khan Ahmed Ali Hussain Hussein Shah Singh Patel Sharma Kumar Gupta Das Rao Nguyen Tran
    Ivanov Petrov Smirnov Popov Kuznetsov Volkov Sokolov Lebedev Kozlov Novikov Morozov
    Mueller Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
    Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores
    Rivera Gomez Diaz Cruz Reyes Morales Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza
    Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Dubois Durand Moreau
    Laurent Lefebvre Leroy Roux Fournier Cohen Levy Levi Friedman Katz Shapiro Goldberg"""
)
