/**
 * Cities a posting may name without a region ("Senior Engineer – Amsterdam, hybrid", "… in
 * Berlin", "Acme · Leeds · Full-time"). A bare capitalised word cannot be told from a company
 * name without a gazetteer, so only these are read as places. Compiled from the capitals of
 * Europe, the Americas, Asia-Pacific and Africa, the metropolitan areas above ~500,000 people in
 * the UK, Ireland, the DACH countries, France, Benelux, Iberia, Italy, the Nordics, Poland, the
 * US, Canada, Australia and India (Wikipedia's "largest cities" lists), and the main tech and
 * financial hubs. Spelled as written in English, plus the local spelling where it differs.
 */
export const CITIES: readonly string[] = [
  // UK and Ireland
  'London', 'Birmingham', 'Manchester', 'Leeds', 'Liverpool', 'Sheffield', 'Bristol', 'Newcastle', 'Nottingham', 'Leicester',
  'Coventry', 'Bradford', 'Southampton', 'Portsmouth', 'Brighton', 'Reading', 'Oxford', 'Cambridge', 'York', 'Milton Keynes',
  'Cardiff', 'Swansea', 'Edinburgh', 'Glasgow', 'Aberdeen', 'Dundee', 'Belfast', 'Derby', 'Plymouth', 'Norwich', 'Exeter', 'Bath',
  'Dublin', 'Cork', 'Galway', 'Limerick', 'Waterford',
  // DACH
  'Berlin', 'Hamburg', 'Munich', 'München', 'Cologne', 'Köln', 'Frankfurt', 'Stuttgart', 'Düsseldorf', 'Dusseldorf', 'Dortmund',
  'Essen', 'Leipzig', 'Bremen', 'Dresden', 'Hanover', 'Hannover', 'Nuremberg', 'Nürnberg', 'Duisburg', 'Bochum', 'Bonn',
  'Karlsruhe', 'Mannheim', 'Heidelberg', 'Freiburg', 'Aachen', 'Münster', 'Wiesbaden', 'Mainz', 'Augsburg', 'Kiel',
  'Vienna', 'Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Zurich', 'Zürich', 'Geneva', 'Genève', 'Basel', 'Bern', 'Lausanne', 'Zug',
  // France, Benelux
  'Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nice', 'Nantes', 'Strasbourg', 'Montpellier', 'Bordeaux', 'Lille', 'Rennes', 'Grenoble',
  'Amsterdam', 'Rotterdam', 'The Hague', 'Utrecht', 'Eindhoven', 'Groningen', 'Brussels', 'Bruxelles', 'Antwerp', 'Ghent', 'Luxembourg',
  // Iberia, Italy
  'Madrid', 'Barcelona', 'Valencia', 'Seville', 'Sevilla', 'Zaragoza', 'Málaga', 'Malaga', 'Bilbao', 'Lisbon', 'Lisboa', 'Porto',
  'Rome', 'Roma', 'Milan', 'Milano', 'Naples', 'Turin', 'Torino', 'Florence', 'Bologna', 'Genoa',
  // Nordics, Baltics, Central and Eastern Europe
  'Stockholm', 'Gothenburg', 'Göteborg', 'Malmö', 'Oslo', 'Bergen', 'Copenhagen', 'Aarhus', 'Helsinki', 'Espoo', 'Tampere', 'Reykjavik',
  'Tallinn', 'Riga', 'Vilnius', 'Warsaw', 'Kraków', 'Krakow', 'Wrocław', 'Wroclaw', 'Gdańsk', 'Gdansk', 'Poznań', 'Poznan', 'Łódź',
  'Prague', 'Brno', 'Bratislava', 'Budapest', 'Bucharest', 'Cluj-Napoca', 'Sofia', 'Belgrade', 'Zagreb', 'Ljubljana', 'Athens',
  'Thessaloniki', 'Istanbul', 'Ankara', 'Kyiv', 'Kiev', 'Lviv',
  // United States
  'New York', 'New York City', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix', 'Philadelphia', 'San Antonio', 'San Diego', 'Dallas',
  'San Jose', 'Austin', 'Jacksonville', 'Fort Worth', 'Columbus', 'Charlotte', 'San Francisco', 'Indianapolis', 'Seattle', 'Denver',
  'Washington', 'Boston', 'Nashville', 'El Paso', 'Detroit', 'Oklahoma City', 'Portland', 'Las Vegas', 'Memphis', 'Louisville',
  'Baltimore', 'Milwaukee', 'Albuquerque', 'Tucson', 'Fresno', 'Sacramento', 'Kansas City', 'Atlanta', 'Miami', 'Raleigh', 'Omaha',
  'Minneapolis', 'Tampa', 'Orlando', 'Cleveland', 'Pittsburgh', 'Cincinnati', 'St. Louis', 'Salt Lake City', 'New Orleans',
  'Honolulu', 'Anchorage', 'Boise', 'Richmond', 'Buffalo', 'Madison', 'Durham', 'Palo Alto', 'Mountain View', 'Redmond', 'Oakland',
  // Canada, Latin America
  'Toronto', 'Montreal', 'Montréal', 'Vancouver', 'Calgary', 'Edmonton', 'Ottawa', 'Winnipeg', 'Quebec City', 'Halifax', 'Waterloo',
  'Mexico City', 'Guadalajara', 'Monterrey', 'São Paulo', 'Sao Paulo', 'Rio de Janeiro', 'Buenos Aires', 'Santiago', 'Bogotá', 'Bogota',
  'Medellín', 'Medellin', 'Lima', 'Montevideo', 'Quito', 'Caracas',
  // Asia-Pacific, Middle East, Africa
  'Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Canberra', 'Auckland', 'Wellington', 'Singapore', 'Hong Kong', 'Tokyo',
  'Osaka', 'Seoul', 'Beijing', 'Shanghai', 'Shenzhen', 'Taipei', 'Bangkok', 'Kuala Lumpur', 'Jakarta', 'Manila', 'Ho Chi Minh City',
  'Hanoi', 'Bangalore', 'Bengaluru', 'Mumbai', 'Delhi', 'New Delhi', 'Hyderabad', 'Chennai', 'Pune', 'Kolkata', 'Gurgaon', 'Gurugram',
  'Noida', 'Ahmedabad', 'Karachi', 'Lahore', 'Dhaka', 'Colombo', 'Dubai', 'Abu Dhabi', 'Doha', 'Riyadh', 'Tel Aviv', 'Cairo',
  'Lagos', 'Nairobi', 'Johannesburg', 'Cape Town', 'Accra', 'Casablanca'
]
