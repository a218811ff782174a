"""Common given names from the 1990 US Census name lists (public domain).

Taken from the male list and the 1,500 most frequent female names as shipped in the PyPI
package ``names`` 0.3.0, less names that are ordinary lower-case English words in news text
("will", "may", "grant") and names already in the curated lexicon.
"""

from __future__ import annotations

CENSUS_GIVEN_NAMES = frozenset(
    """
    Abbie Abby Abe Abel Abraham Abram Ada Adalberto Adan Addie Adela Adelaida Adelaide Adele
    Adelina Adeline Adell Adolfo Adolph Adriana Adrianne Adrienne Agatha Agnes Agustin Aida
    Aileen Aimee Aisha Alaina Alana Alba Alberta Alda Alden Aldo Alecia Alejandra Alejandro
    Alene Aletha Alexa Alexandra Alexandria Alfonso Alfonzo Alfred Alfreda Alfredo Alicia
    Alina Aline Alisa Alisha Alissa Allan Allen Allene Allie Allison Allyson Alma Alonso
    Alonzo Alpha Alphonse Alphonso Alta Althea Alton Alva Alvaro Alvin Alvina Alyce Alyson
    Alyssa Amado Amalia Ambrose Amelia Amie Amos Amparo Ana Anastasia Anderson Andra Andre
    Andreas Andres Andria Angel Angelia Angelica Angelina Angeline Angelique Angelita Angelo
    Angie Anibal Anissa Anita Annabelle Annamarie Annemarie Annetta Annette Annmarie Antione
    Antionette Antoine Antoinette Anton Antone Antonette Antonia Antwan April Araceli Arden
    Aretha Ariana Arleen Arlen Arlene Arlie Arline Armand Armando Arnoldo Arnulfo Aron Arron
    Arturo Asa Ashlee Ashleigh Asia Astrid Athena Aubrey Audra Audrey August Augusta
    Augustine Augustus Aura Aurelia Aurelio Aurora Ava Avery Avis Barb Barbra Barney Barrett
    Bart Barton Basil Beatrice Beatriz Beau Becky Belen Belinda Bella Belle Belva Benedict
    Benita Benito Bennett Bennie Benny Benton Bernadette Bernadine Bernardo Bernice Berniece
    Berry Bert Berta Bertha Bertie Bertram Beryl Bess Bessie Beth Bethany Betsy Bette Bettie
    Bettina Bettye Beulah Beverley Bianca Billie Birdie Blaine Blair Blake Blanca Blanche
    Bobbi Bobbie Bonita Bonnie Booker Boyce Boyd Brad Bradford Bradley Bradly Brady Branden
    Brandi Brandie Brandy Brant Breanna Brendan Brendon Brenna Brent Brenton Bret Brett
    Briana Brianna Brianne Brice Bridgett Bridgette Brigitte Britney Britt Brittney Brock
    Broderick Brook Brooke Brooks Bruno Bryant Bryce Bryon Bud Buford Burl Burt Burton
    Buster Byron Caitlin Caleb Callie Calvin Cameron Camilla Camille Candace Candi Candice
    Candida Candy Cara Caren Carey Cari Caridad Carissa Carla Carlene Carlo Carlotta Carlton
    Carly Carmel Carmela Carmelita Carmella Carmelo Carmen Carmine Carole Carolina Carrie
    Carrol Carroll Carson Carter Cary Caryn Casandra Casey Cassandra Cassie Catalina
    Catharine Cathie Cathleen Cathrine Cathryn Cathy Catina Catrina Cecelia Cecil Cecile
    Cecilia Cedric Cedrick Celeste Celestine Celia Celina Cesar Chad Chadwick Chanda Chandra
    Chanel Chantal Chantel Charla Charleen Charlene Charley Charlie Charline Charmaine Chas
    Chasity Chastity Chauncey Chelsea Chelsey Cheri Cherry Chester Chet Chiquita Chong
    Christa Christal Christen Christi Christie Christin Christoper Christy Chrystal Cindi
    Cindy Clair Clara Clarence Clarice Clarissa Clark Claud Claude Claudette Claudine
    Claudio Clayton Clement Clemente Clementine Cleo Cletus Cleveland Cliff Clifford Clifton
    Clint Clinton Clyde Cody Colby Cole Coleen Coleman Colette Colleen Collette Collin
    Colton Columbus Concepcion Concetta Connie Conrad Constance Consuelo Cora Cordelia
    Cordell Corey Cori Corina Corine Corinne Cornelia Cornelius Cornell Corrie Corrine
    Cortez Cortney Courtney Coy Cristal Cristina Cristobal Cristopher Cristy Cruz Curt
    Curtis Cyril Cyrus Dale Dalia Dallas Dalton Damaris Damian Damien Damion Damon Dana Dane
    Danelle Danette Danial Daniela Danilo Danita Danna Dannie Danny Dante Daphne Dara Darcy
    Darell Daren Darin Dario Darius Darla Darleen Darlene Darnell Daron Darrel Darrell
    Darrick Darrin Darron Darryl Darwin Daryl Davis Dawna Dayna Deana Deandre Deangelo Deann
    Deanna Deanne Debbie Debby Debi Debora Debrah Dee Deena Deidra Deidre Deirdre Delbert
    Delfina Delia Delilah Della Delma Delmar Delmer Delois Delores Deloris Delphine Demarcus
    Demetria Demetrius Dena Denice Denis Denny Denver Deon Derick Derrick Deshawn Desiree
    Desmond Dessie Devin Devon Dewayne Dewey Dewitt Dexter Dian Diann Dianna Dianne Diego
    Dillon Dina Dinah Dino Dion Dionne Dirk Dixie Dollie Dolly Dolores Domenic Dominga
    Domingo Dominick Don Dona Donn Donnell Donnie Donny Donovan Donte Dora Dorcas Doreen
    Dorene Doretha Dorian Dorothea Dorris Dorsey Dortha Dorthy Dottie Doug Douglass Dovie
    Doyle Duane Dudley Dulce Dustin Dusty Dwain Dwayne Dwight Earl Earle Earlene Earline
    Earnestine Easter Ebony Eddy Edgar Edgardo Edison Edith Edmond Edmund Edmundo Edna
    Edwardo Edwin Edwina Edythe Effie Efrain Efren Elba Elbert Elda Elden Eldon Eldridge
    Eleanore Elena Eli Elia Elias Elida Elinor Elisa Elisabeth Elise Eliseo Elisha Elissa
    Eliza Elizebeth Ella Ellie Elliot Elliott Ellis Ellsworth Elma Elmer Elmo Elnora Eloisa
    Eloise Elouise Eloy Elroy Elsa Elsie Elton Elva Elvia Elvin Elvira Elvis Elwood Elyse
    Emanuel Emerson Emery Emil Emile Emilia Emilie Emilio Emmett Emmitt Emory Enid Enoch
    Enrique Erasmo Erica Erich Erick Ericka Erik Erika Erin Erlinda Erma Erna Ernest
    Ernestina Ernestine Ernesto Ernie Errol Ervin Erwin Esmeralda Esperanza Essie Esteban
    Estela Estella Ester Ethel Etta Eugenia Eugenio Eula Eulalia Eunice Eusebio Eva Evan
    Evangelina Evangeline Everett Everette Evette Ezekiel Ezequiel Ezra Fabian Fabiola
    Fannie Fanny Faustino Fausto Fawn Fay Faye Federico Felecia Felicia Felicita Felipe
    Felix Felton Fermin Fern Filiberto Filomena Fletcher Flor Flora Florence Florencio
    Florentino Florine Flossie Floy Floyd Forrest Fran Francesca Francesco Francine Francis
    Francisca Francisco Frankie Franklin Franklyn Fred Freda Freddie Freddy Frederic
    Frederick Fredric Fredrick Freeman Freida Frieda Fritz Gabriela Gabriella Gabrielle Gail
    Gale Galen Garfield Garland Garret Garrett Garry Garth Gaston Gaye Gayla Gayle Gaylord
    Gena Genaro Gene Geneva Genevieve Genoveva Georgette Georgia Georgiana Georgianna
    Georgie Geraldine Geraldo Gerard Gerardo Geri Germaine German Gerri Gerry Gertie
    Gertrude Gil Gilbert Gilberto Gilda Gina Ginger Ginny Gino Giovanni Gisela Giuseppe
    Gladys Glen Glenda Glenna Goldie Gonzalo Gracie Graciela Grady Graig Granville Gregg
    Gregoria Gregorio Greta Gretchen Griselda Grover Guadalupe Guillermina Guillermo Gus
    Gussie Gustavo Gwen Gwendolyn Hai Hal Haley Hallie Hanna Hans Harlan Harland Harley
    Harriett Harriette Harris Harrison Harvey Hattie Haydee Hayden Hayley Haywood Heath
    Hector Heidi Helena Helene Helga Hellen Henrietta Herb Herbert Heriberto Herlinda Herman
    Herminia Herschel Hershel Hester Hilario Hilda Hildegard Hilton Hipolito Hiram Hobert
    Holli Hollie Hollis Holly Homer Horace Horacio Hortencia Hosea Houston Hoyt Hubert Huey
    Humberto Hunter Hyman Ida Idella Ike Ila Ilene Ima Imelda Imogene Ina India Ines Inez
    Ingrid Iola Iona Ione Ira Irene Iris Irma Irvin Irving Irwin Isaac Isabell Isabelle
    Isaiah Isaias Isiah Isidro Ismael Israel Isreal Issac Iva Ivette Ivonne Ivory Ivy
    Jacinto Jacklyn Jackson Jaclyn Jacque Jacquelin Jacquelyn Jacquline Jade Jae Jaime
    Jamaal Jamar Jame Jamel Jamey Jami Jamison Jan Jana Janeen Janel Janell Janelle Janette
    Janie Janine Janis Janna Jannette Jannie Jaqueline Jarod Jarred Jarrett Jarrod Jarvis
    Jasmin Jasmine Jasper Jay Jayme Jayne Jayson Jeana Jeanette Jeanie Jeanine Jeanna Jeanne
    Jeannette Jeannie Jeannine Jed Jefferey Jefferson Jeffery Jeffry Jena Jenifer Jenna
    Jennie Jerald Jeramy Jere Jeremiah Jeri Jermaine Jerold Jerome Jeromy Jerrell Jerri
    Jerrod Jerrold Jesica Jess Jessie Jesus Jewel Jewell Jillian Jimmie Jimmy Joann Joanne
    Joaquin Jocelyn Jodi Jodie Jody Joel Joelle Joesph Joey Johanna Johnathan Johnathon
    Johnie Johnna Johnnie Johnson Jolene Jonah Jonas Jonathon Joni Jonnie Jordon Jorge Josef
    Josefa Josefina Josette Josiah Josie Jospeh Josue Jovita Juana Juanita Jude Judi Judson
    Jules Juli Julian Juliana Julianna Julianne Juliette Julio Julius June Justina Justine
    Kaitlin Kaitlyn Kami Kara Kareem Kari Karin Karina Karl Karla Karol Karon Karrie Karyn
    Kasey Katelyn Katharine Katheryn Kathi Kathie Kathrine Katina Katrina Katy Kay Kaye
    Keenan Keisha Kelley Kelli Kellie Kelsey Kelvin Kendall Kendra Kendrick Keneth Kennith
    Kent Kenton Kenya Keri Kermit Kerri Kerrie Kerry Kesha Keshia Keven Kia Kieth Kimberlee
    Kimberley Kip Kira Kirby Kirk Kisha Kitty Korey Kory Kraig Kris Krista Kristal Kristen
    Kristi Kristie Kristin Kristina Kristine Kristofer Kristopher Kristy Krystal Krystle
    Kurtis Kyla Kylie Lacey Lacy Ladonna Lakeisha Lakesha Lakisha Lamar Lamont Lan Lana
    Lance Landon Lanny Laquita Lara Larissa Lashawn Lashonda Latanya Latasha Latisha Latonia
    Latonya Latosha Latoya Latrice Latricia Laureen Laurel Laurence Lauretta Lauri Laurie
    Lavern Laverne Lavonne Lawanda Lawerence Lazaro Lea Leah Leandro Leann Leanna Leanne
    Leeann Leif Leigh Leila Leilani Leisa Lela Leland Lelia Lemuel Len Lena Lenard Lenny
    Lenora Lenore Leo Leola Leona Leonard Leonardo Leone Leonel Leonor Leonora Leopoldo
    Leora Leota Leroy Les Lesa Lesley Lessie Lester Leta Letha Leticia Letitia Lettie Levi
    Lia Libby Lidia Lila Lilia Lilian Liliana Lillian Lillie Lilly Lily Lina Lincoln Lindsay
    Lindy Linnie Lino Linwood Lisette Lissette Liza Lizette Lizzie Lois Lola Lolita Lon Lona
    Lonnie Lonny Lora Loraine Loren Lorena Lorene Lorenzo Loretta Lori Lorie Lorine Lorna
    Lorraine Lorri Lorrie Lottie Lou Louann Louella Louie Louisa Lourdes Lowell Loyd Luann
    Luanne Lucas Lucia Luciano Lucien Lucila Lucile Lucille Lucinda Lucio Lucius Lucretia
    Luella Luigi Luisa Lulu Lupe Lura Luther Luz Lydia Lyle Lyman Lyn Lynda Lyndon Lynette
    Lynn Lynnette Lynwood Mabel Mable Mac Mack Madeline Madelyn Madge Madonna Mae Magda
    Magdalena Magdalene Maggie Mai Majorie Malcom Malik Malinda Malissa Mallory Mamie Mandi
    Mandy Manuela Mara Marcel Marcela Marcelina Marcelino Marcella Marcelle Marcellus
    Marcelo Marci Marcia Marcie Marcos Marcus Marcy Margarita Margarito Marge Margery Margie
    Margo Margot Margret Marguerite Mari Mariah Mariam Marian Mariana Mariann Marianna
    Marianne Mariano Maribel Maricela Marietta Marilynn Marina Marisa Marisela Marisol
    Marissa Maritza Marjorie Marjory Markus Marla Marlena Marlene Marlin Marlon Marlyn
    Marlys Marnie Marquis Marquita Marsha Marshall Marta Martina Marty Marva Marvin Maryann
    Maryanne Marybeth Maryellen Maryjane Marylou Mason Mathew Matilda Matilde Mattie Maud
    Maude Maudie Maura Maurice Mauricio Maurine Mauro Mavis Maximo Maxine Maxwell Maya Mayme
    Maynard Mayra Mckinley Meagan Meaghan Meghan Mei Mel Melba Melinda Melisa Mellisa
    Mellissa Melodie Melody Melva Melvin Melvina Mercedes Meredith Merle Merlin Merrill
    Mervin Mia Micaela Micah Michaela Michal Michale Micheal Michel Michele Michell Mickey
    Migdalia Mikel Milagros Milan Mildred Milford Millard Millicent Millie Milo Milton Mimi
    Mina Mindy Minerva Minh Minnie Miquel Miriam Mirna Missy Misti Misty Mitchel Mitchell
    Mitzi Modesto Moises Mollie Mona Monica Monika Monique Monroe Monte Monty Morgan Morris
    Morton Mose Moses Mozelle Muriel Myles Myra Myrna Myron Myrtis Myrtle Nadia Nadine Nakia
    Nan Nanette Nannie Napoleon Natalia Nathalie Nathanael Nathanial Nathaniel Natividad
    Neal Nedra Nelda Nell Nellie Nelly Nereida Nestor Nettie Neva Newton Nichole Nicki
    Nickolas Nicky Niki Nikki Nilda Nita Noble Noe Noel Noelle Noemi Nola Nolan Nona Nora
    Norbert Norberto Noreen Norma Normand Norris Octavia Octavio Odell Odessa Odis Ofelia
    Ola Olen Oleta Olin Olive Ollie Oma Omer Ona Opal Ophelia Ora Oralia Oren Orlando Orval
    Orville Oscar Osvaldo Oswaldo Otha Otis Otto Owen Paige Palmer Pamala Pansy Paris Parker
    Pasquale Patrica Patrice Patsy Patti Pattie Patty Paula Paulette Paulina Pearl Pearlie
    Pearline Peggy Penelope Percy Perla Perry Petra Phillis Philomena Phoebe Phyllis Pilar
    Polly Porfirio Porter Portia Preston Pricilla Princess Priscilla Queen Quentin Quincy
    Quinn Quintin Quinton Rachael Racheal Rachelle Rae Rafaela Raleigh Ramiro Ramon Ramona
    Randal Randall Randell Randi Randolph Raphael Raquel Rashad Raven Rayford Raymon
    Raymundo Reba Rebeca Rebekah Reed Refugio Reggie Regina Reginald Reid Reina Reinaldo
    Rena Renae Renaldo Renata Renate Renato Rene Renee Renita Reta Retha Reuben Reva Rey
    Reyes Reyna Reynaldo Rhea Rhett Rhoda Rhonda Richelle Richie Rickey Rickie Ricky Rico
    Rigoberto Riley Rita Robbie Robbin Robby Roberta Robt Robyn Rocco Rochelle Rocio Rocky
    Roderick Rodger Rodney Rodolfo Rodrick Rogelio Roland Rolando Rolf Rolland Roma Roman
    Romeo Romona Ronda Ronnie Ronny Roosevelt Rosa Rosalba Rosalee Rosalia Rosalie Rosalina
    Rosalind Rosalinda Rosalyn Rosanna Rosanne Rosario Roscoe Roseann Roseanne Rosella
    Roselyn Rosemarie Rosendo Rosetta Rosie Rosina Rosita Roslyn Rowena Roxana Roxann
    Roxanna Roxanne Roxie Royce Ruben Rubin Ruby Rubye Rudolf Rudolph Rueben Rufus Rupert
    Russ Russel Rusty Ruthann Ruthie Sabina Sabrina Sadie Sal Sallie Salvador Salvatore
    Samatha Sammie Sammy Samual Sandi Sandy Sanford Santa Santiago Santo Santos Sasha Saul
    Saundra Savannah Scarlett Scot Scottie Scotty Selena Selina Selma Serena Seth Seymour
    Shad Shameka Shana Shanda Shane Shanna Shannon Shanon Shanta Shante Shantel Shari Sharla
    Sharlene Sharonda Sharron Sharyn Shauna Shawn Shawna Shayla Shayne Sheena Shelby Sheldon
    Shelia Shelley Shelli Shellie Shelly Shelton Sheree Sheri Sherman Sherri Sherrie Sherry
    Sherwood Sheryl Shiela Shirlene Shon Shonda Sid Sidney Sierra Silas Silvia Simone
    Socorro Sofia Sol Soledad Solomon Sondra Sonja Sonny Sonya Spencer Stacey Staci Stacia
    Stacie Stacy Stanford Stanley Stanton Stefan Stefanie Stella Stephan Stephany Stephenie
    Stevie Sunny Susana Susanna Susanne Susie Suzan Suzanna Suzanne Suzette Sybil Sylvester
    Tabatha Tabitha Tad Tamara Tameka Tamela Tamera Tami Tamika Tammi Tammie Tammy Tamra
    Tana Tania Tanisha Tanner Tara Taryn Tasha Tatiana Tawana Taylor Teddy Tena Teodoro Tera
    Terence Terese Teresita Teressa Teri Terra Terrance Terrell Terrence Terri Terrie Tessie
    Thad Thaddeus Thanh Thea Theda Thelma Theo Theodora Theodore Therese Theron Thurman Tia
    Tiana Tiara Tiffani Tiffany Tillie Timmy Tisha Titus Tobias Tod Todd Tomas Tomasa Tommie
    Toney Toni Tonia Tonja Tonya Tori Tory Tosha Traci Tracie Tracy Travis Trena Trent
    Trenton Treva Trey Tricia Trina Trinidad Trisha Trista Tristan Troy Trudy Truman Tuan
    Twila Twyla Tyra Tyree Tyrell Tyron Tyrone Tyson Ulysses Una Ursula Vada Val Valarie
    Valencia Valentin Valentina Valentine Valeria Valorie Vance Vaughn Veda Velda Velma
    Venessa Venita Venus Vera Verda Verla Vern Verna Vernell Vernice Vernon Vesta Vicente
    Vickey Vicki Vickie Vida Vikki Vilma Vincenzo Viola Violet Violeta Virgie Virgil
    Virgilio Virgina Vito Vivian Viviana Vonda Waldo Wallace Wally Walton Wanda Warner
    Waylon Weldon Wendell Wendi Werner Weston Whitney Wilber Wilbert Wilbur Wilburn Wilda
    Wiley Wilford Wilfred Wilfredo Wilhelmina Willa Willard Williams Willian Willis Willy
    Wilma Wilmer Wilson Wilton Winford Winfred Winifred Winnie Winnifred Winona Winston
    Woodrow Wyatt Xavier Yadira Yesenia Yolanda Zachariah Zachery Zack Zackary Zane Zelda
    Zella Zelma Zenaida Zoila""".split()
)
