/** Examples for the MRZ detectors; every zone is built by this project's own generator (fictional names). */
import type { Detector } from '../../types.ts';

const td3a = 'P<SWEOKAFOR<<TOMASZ<<<<<<<<<<<<<<<<<<<<<<<<<\nKK20340245ESP6811288M3309139<<<<<<<<<<<<<<<6';
const td3b = 'P<GBRMARTINEZ<<LUCIA<<<<<<<<<<<<<<<<<<<<<<<<\nN717225061SWE8811237F3403060<<<<<<<<<<<<<<<6';
const td2a = 'I<ESPLINDQVIST<<JONAS<<<<<<<<<<<<<<<\nH353458616D<<7310065M3410130<<<<<<<6';
const td2b = 'I<SWEMARTINEZ<<CLAIRE<<<<<<<<<<<<<<<\nA365363442UTO7406047F2810054<<<<<<<8';
const td1a = 'I<D<<AHV9274992<<<<<<<<<<<<<<<\n8505040F3404089GBR<<<<<<<<<<<6\nDUBOIS<<LUCIA<<<<<<<<<<<<<<<<<';
const td1b = 'I<UTOSXC2671483<<<<<<<<<<<<<<<\n7010033M3110131CAN<<<<<<<<<<<2\nDUBOIS<<KENJI<<<<<<<<<<<<<<<<<';

export const mrzExamples = {
  'mrz-td3': {
    positive: [`OCR output of the scanned page:\n${td3a}\nPlease extract the fields.`, td3b],
    negative: [
      td3a.replace('6811288', '6811298'),
      'P<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
    ],
  },
  'mrz-td2': {
    positive: [`Residence permit back side:\n${td2a}`, td2b],
    negative: [td2a.replace('7310065', '7310075'), 'I<ESPLINDQVIST<<JONAS\nH353458616D<<7310065M'],
  },
  'mrz-td1': {
    positive: [`ID card scan (back):\n${td1a}`, td1b],
    negative: [td1a.replace('8505040', '8505050'), td1b.split('\n').slice(0, 2).join('\n')],
  },
} satisfies Record<string, Detector['examples']>;
